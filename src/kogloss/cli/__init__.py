"""The ``kogloss`` command: a thin layer of click commands over the library.

Subcommands are imported only when run, so ``kogloss --help`` starts in a fraction of a
second; each command module turns options into library calls, renders, and picks the exit code.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys

import click

from kogloss import __version__
from kogloss.errors import InputError

# name -> (module, attribute, one-line help shown by `kogloss --help` without importing it)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "align": (
        "kogloss.cli.align_cmd",
        "align_command",
        "Align a Korean release with its English translation.",
    ),
    "check": (
        "kogloss.cli.check_cmd",
        "check_command",
        "Check terms and consistency (the CI gate).",
    ),
    "rules": ("kogloss.cli.rules_cmd", "rules_command", "List the check rules or explain one."),
    "detect": (
        "kogloss.cli.detect_cmd",
        "detect_command",
        "Find Korean leftovers, mixed-language segments and web boilerplate.",
    ),
    "extract": ("kogloss.cli.extract_cmd", "extract_command", "Propose glossary candidates."),
    "glossary": (
        "kogloss.cli.glossary_cmd",
        "glossary_group",
        "Lint, merge, export and look up the glossary.",
    ),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        if entry[0] in sys.modules or not gc.isenabled():
            module = importlib.import_module(entry[0])
        else:
            # The command's modules (all the rules, for check) live as long as the process:
            # imported with the cyclic collector off, then frozen out of every later
            # collection, which would otherwise walk their objects again (5 ms of start-up).
            gc.disable()
            try:
                module = importlib.import_module(entry[0])
            finally:
                gc.freeze()
                gc.enable()
        command: click.Command = getattr(module, entry[1])
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, "-V", "--version", prog_name="kogloss")
def cli() -> None:
    """Terminology and consistency checks for English translations of Korean releases.

    \b
    Examples:
      kogloss detect samples/                 # leftovers and boilerplate in every release
      kogloss detect release.txt --strip -o clean.txt
    """


def main(argv: list[str] | None = None) -> None:
    """Entry point: input errors become one line on stderr and exit code 2, never a traceback."""
    try:
        cli.main(args=argv, prog_name="kogloss", standalone_mode=False)
    except InputError as error:
        click.echo(f"kogloss: error: {error.render()}", err=True)
        sys.exit(2)
    except click.exceptions.Exit as exit_request:
        sys.exit(exit_request.exit_code)
    except click.ClickException as error:
        error.show()
        sys.exit(2)
    except click.Abort:
        click.echo("kogloss: aborted", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
    except Exception as error:  # the last guard: one line, unless debugging
        if os.environ.get("KOGLOSS_DEBUG"):
            raise
        click.echo(
            f"kogloss: internal error: {type(error).__name__}: {error} "
            "(set KOGLOSS_DEBUG=1 for a traceback)",
            err=True,
        )
        sys.exit(2)
    sys.exit(0)
