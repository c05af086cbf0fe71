"""``kogloss rules``: the list of rules, or one rule's documentation."""

from __future__ import annotations

import textwrap

import click

from kogloss.check import load_rules, rule_doc


@click.command("rules")
@click.argument("rule_id", required=False)
def rules_command(rule_id: str | None) -> None:
    """List the rules, or explain RULE_ID: what it finds, why, and an example.

    \b
    Examples:
      kogloss rules
      kogloss rules near-variant
    """
    rules = load_rules()
    if rule_id is None:
        width = max(len(name) for name in rules)
        for name, cls in rules.items():
            fix = " (fixable)" if cls.fixable else ""
            summary = rule_doc(name).summary
            click.echo(f"{name:<{width}}  {cls.severity!s:<7}  {summary}{fix}")
        return
    if rule_id not in rules:
        raise click.UsageError(f"unknown rule {rule_id!r} (run `kogloss rules` for the list)")
    cls = rules[rule_id]
    doc = rule_doc(rule_id)
    lines = [
        f"{rule_id}: {doc.summary}",
        "",
        f"Family: {cls.family}   Default severity: {cls.severity}   "
        f"Fixable: {'yes' if cls.fixable else 'no'}"
        + ("   Needs a glossary" if cls.needs_glossary else ""),
    ]
    for paragraph in doc.description.split("\n\n"):
        lines += ["", textwrap.fill(paragraph, width=88)]
    if cls.options:
        lines += ["", "Options ([tool.kogloss.rules." + rule_id + "]):"]
        for name, default in cls.options.items():
            lines.append(f"  {name.replace('_', '-')} = {default!r}")
    for title, example in doc.sections.items():
        lines += ["", f"{title}:", "", example]
    click.echo("\n".join(lines))
