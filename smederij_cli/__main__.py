from smederij_cli.cli import main

main()
