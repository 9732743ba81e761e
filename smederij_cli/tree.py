"""The Click command tree, each command built when it is first used.

Typer turns every command of a program into a Click command (its options read from the
function's signature and annotations) before it runs any one of them: about 9 ms of every
start of ``smederij``, and shell completion starts the program on every Tab. Here a group holds
its commands as recipes (``LazyCommands``) and builds only the one that is looked up;
``--help`` and completion list a group's commands from their help texts alone (``peek``).

``click_command(app)`` builds what ``typer.main.get_command(app)`` builds, lazily;
``typer.main.get_command`` itself still works on the same Typer apps (every command then built
at once, as the tests that walk the whole tree do).
"""

from __future__ import annotations

import copy
import importlib
import inspect
from collections.abc import Callable, Iterator, MutableMapping
from gettext import gettext as _
from typing import Any

from typer import _click
from typer.core import TyperCommand, TyperGroup
from typer.main import (get_command_from_info, get_command_name, get_group_from_info,
                        get_install_completion_arguments, solve_typer_info_defaults)
from typer.models import TyperInfo


class _Recipe:
    """How to build one command, and what ``--help`` of its group says of it before then."""

    def __init__(self, build: Callable[[], _click.Command],
                 peek: Callable[[], _click.Command] | None = None) -> None:
        self.build, self.peek = build, peek  # peek None: only the command itself can tell


class LazyCommands(MutableMapping):
    """A group's commands by name, in order: built ones, and recipes built on first lookup."""

    def __init__(self, commands: MutableMapping[str, Any] | None = None) -> None:
        self._items: dict[str, Any] = dict(commands or {})

    def __getitem__(self, name: str) -> _click.Command:
        item = self._items[name]
        if isinstance(item, _Recipe):
            item = self._items[name] = item.build()
        return item

    def __setitem__(self, name: str, command: Any) -> None:
        self._items[name] = command

    def __delitem__(self, name: str) -> None:
        del self._items[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def peek(self, name: str) -> _click.Command:
        """The command if it is built, else a stand-in with its name, help and hidden flag."""
        item = self._items[name]
        if isinstance(item, _Recipe):
            return self[name] if item.peek is None else item.peek()
        return item


class LazyGroup(TyperGroup):
    """A Typer group that builds a command when it is looked up, and lists its commands (help,
    completion of command names) without building them. ``LAZY``: commands in other modules,
    name -> (module, Typer app attribute), imported when one of them is run or listed."""

    LAZY: dict[str, tuple[str, str]] = {}

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        if not isinstance(self.commands, LazyCommands):
            self.commands = LazyCommands(self.commands)
        for name, (module, attribute) in self.LAZY.items():
            if name not in self.commands:
                self.commands[name] = _module_recipe(name, module, attribute)

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """As TyperGroup's, from the stand-ins: listing a command does not build it."""
        commands = self.commands
        shown = [(name, cmd) for name in self.list_commands(ctx)
                 if not (cmd := commands.peek(name)).hidden]
        if shown:
            limit = formatter.width - 6 - max(len(name) for name, _ in shown)
            rows = [(name, cmd.get_short_help_str(limit)) for name, cmd in shown]
            with formatter.section(_("Commands")):
                formatter.write_dl(rows)

    def shell_complete(self, ctx: Any, incomplete: str) -> list:
        """As TyperGroup's: the command names (from the stand-ins), then the options."""
        from typer._click.shell_completion import CompletionItem

        commands = self.commands
        results = []
        for name in self.list_commands(ctx):
            if name.startswith(incomplete):
                command = commands.peek(name)
                if not command.hidden:
                    results.append(CompletionItem(name, help=command.get_short_help_str()))
        results.extend(_click.Command.shell_complete(self, ctx, incomplete))
        return results


def click_command(app: Any) -> TyperGroup:
    """``typer.main.get_command(app)`` for an app with commands or groups, built lazily."""
    group = _group(TyperInfo(app), app)
    if app._add_completion:
        group.params.extend(get_install_completion_arguments())
    return group


def _group(info: TyperInfo, root: Any) -> TyperGroup:
    """``typer.main.get_group_from_info``, the commands as recipes (the same names, order,
    settings), the group a LazyGroup unless it names its own class."""
    shell = copy.copy(info.typer_instance)
    shell.registered_commands, shell.registered_groups = [], []
    bare = copy.copy(info)
    bare.typer_instance = shell
    if solve_typer_info_defaults(bare).cls in (None, TyperGroup):
        bare.cls = LazyGroup
    group = get_group_from_info(bare, pretty_exceptions_short=root.pretty_exceptions_short,
                                rich_markup_mode=root.rich_markup_mode,
                                suggest_commands=root.suggest_commands)
    items: dict[str, Any] = {}
    for command_info in info.typer_instance.registered_commands:
        name = command_info.name or get_command_name(command_info.callback.__name__)
        items[name] = _command_recipe(command_info, root)
    for sub_info in info.typer_instance.registered_groups:
        name = solve_typer_info_defaults(sub_info).name
        if name:
            items[name] = _group_recipe(sub_info, root)
        else:  # a group added without a name lends its commands to this one
            items.update(_group(sub_info, root).commands._items)
    # after them, what the group's class adds of its own (LazyGroup.LAZY), as with get_command
    added = group.commands._items if isinstance(group.commands, LazyCommands) else {}
    group.commands = LazyCommands({**items, **{n: c for n, c in added.items() if n not in items}})
    return group


def _command_recipe(command_info: Any, root: Any) -> _Recipe:
    def build() -> _click.Command:
        return get_command_from_info(command_info,
                                     pretty_exceptions_short=root.pretty_exceptions_short,
                                     rich_markup_mode=root.rich_markup_mode)

    def peek() -> _click.Command:
        help = command_info.help
        help = inspect.getdoc(command_info.callback) if help is None else inspect.cleandoc(help)
        return TyperCommand(name=None, help=help, short_help=command_info.short_help,
                              hidden=command_info.hidden, deprecated=command_info.deprecated)

    return _Recipe(build, peek)


def _group_recipe(sub_info: TyperInfo, root: Any) -> _Recipe:
    def peek() -> _click.Command:
        solved = solve_typer_info_defaults(sub_info)
        return TyperCommand(name=None, help=solved.help, short_help=solved.short_help,
                              hidden=solved.hidden, deprecated=solved.deprecated)

    return _Recipe(lambda: _group(sub_info, root), peek)


def _module_recipe(name: str, module: str, attribute: str) -> _Recipe:
    def build() -> _click.Command:
        command = click_command(getattr(importlib.import_module(module), attribute))
        command.name = name
        return command

    return _Recipe(build)
