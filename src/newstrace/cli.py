"""The command line: thin wrappers that parse arguments, call the pipeline and print."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from newstrace.align.relation import default_models, relate_articles
from newstrace.clean.site import outlet_summary
from newstrace.clean.text import DIGEST_TITLE
from newstrace.model import CANONICAL_ELSEWHERE, NO_OUTLET, PUBLISHED_TIME, AlignedSentence, Article
from newstrace.pipeline import analyze as run_analysis
from newstrace.pipeline import count_files
from newstrace.report import article_record, load_report
from newstrace.store import Store
from newstrace.store.sqlite import StoreError

app = typer.Typer(
    help=(
        "Trace how news stories travel: clean scraped pages into articles, find their copies and "
        "rewrites, and group them into stories with their origin."
    ),
    no_args_is_help=True,
)
console = Console()
errors_console = Console(stderr=True)

DbOption = Annotated[Path, typer.Option("--db", help="SQLite database file.")]


def _stored(db: Path) -> Store:
    """The database a listing command reads: a missing or foreign file is a clear error, neither a
    new empty database (a mistyped --db made one and listed nothing) nor a traceback."""
    if not db.exists():
        errors_console.print(f"[red]error:[/red] no database at {escape(str(db))} (`newstrace analyze` makes one)")
        raise typer.Exit(2)
    try:
        return Store(db)
    except StoreError as error:
        errors_console.print(f"[red]error:[/red] {escape(str(error))}")
        raise typer.Exit(2) from None


@app.command()
def analyze(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of pages (.txt .md .html .jsonl .warc).")],
    db: DbOption = Path("newstrace.db"),
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the JSON report here.")] = None,
    jsonl_out: Annotated[Path | None, typer.Option("--jsonl", help="Write one article per line here.")] = None,
    max_page_mb: Annotated[float, typer.Option(help="Largest page read, in MB.")] = 20.0,
    embeddings: Annotated[
        bool,
        typer.Option(
            help="Embed the openings of articles found related, for the story similarity (when the encoder is "
            "installed; it never changes a verdict)."
        ),
    ] = True,
    site_boilerplate: Annotated[
        bool,
        typer.Option(
            help="Remove paragraphs that three or more articles of one outlet on other subjects hold (the "
            "site's template), from this run's and the stored articles of those outlets."
        ),
    ] = True,
) -> None:
    """Read, clean and store pages; print a summary. Exit code 1 if any file failed."""
    total = count_files(paths)
    models = default_models()
    if not embeddings:
        models = replace(models, lead_encoder=None)
    progress = Progress(
        TextColumn("[bold]{task.fields[stage]}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=errors_console,
        transient=True,
    )
    try:
        with progress:
            reading = progress.add_task("", total=total, stage="reading")
            # The stage under way after reading (site boilerplate, pairs, stories), one bar at a time.
            stage_task = [reading]

            def advance(source: str) -> None:
                progress.update(reading, advance=1, description=Path(source).name[:40])

            def begin_stage(name: str, steps: int | None) -> None:
                progress.update(stage_task[0], visible=False)
                stage_task[0] = progress.add_task("", total=steps, stage=name)

            def judged(pair: str) -> None:
                progress.update(stage_task[0], advance=1, description=pair[:40])

            summary = run_analysis(
                paths,
                db=db,
                max_page_bytes=int(max_page_mb * 1e6),
                on_file=advance,
                on_pair=judged,
                models=models,
                on_stage=begin_stage,
                site_boilerplate=site_boilerplate,
            )
    except StoreError as error:
        errors_console.print(f"[red]error:[/red] {escape(str(error))}")
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        # Pages are stored batch by batch, each in its own transaction: what was stored stays, and
        # the same command again reads only what it has not (an interrupted run then ends as one run).
        errors_console.print(
            f"[yellow]interrupted:[/yellow] the pages stored so far stay in {escape(str(db))}; "
            "the same command again goes on from there"
        )
        raise typer.Exit(130) from None

    table = Table(title="newstrace analyze", show_header=False)
    for label, value in (
        ("pages", summary.pages),
        ("already stored", summary.pages_already_stored),
        ("articles", len(summary.articles)),
        ("split pages", summary.split_pages),
        ("removed lines", summary.removed_lines),
        ("dates found", summary.dates_found),
        ("candidate pairs", summary.candidate_pairs),
        ("new relations", len(summary.relations)),
        ("stories", len(summary.stories)),
        ("skipped files", len(summary.skipped)),
        ("errors", len(summary.errors)),
    ):
        table.add_row(label, str(value))
    console.print(table)
    for skipped in summary.skipped:
        errors_console.print(f"[yellow]skipped[/yellow] {escape(skipped.source)}: {escape(skipped.reason)}")
    for error in summary.errors:
        errors_console.print(f"[red]error[/red] {escape(error.source)}: {escape(error.error)}")

    # The report covers everything stored, so stories span earlier runs as well as this one.
    report = load_report(db)
    if json_out is not None:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    if jsonl_out is not None:
        jsonl_out.parent.mkdir(parents=True, exist_ok=True)
        with jsonl_out.open("w", encoding="utf-8") as handle:
            for record in report["articles"]:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    if summary.failed:
        raise typer.Exit(1)


@app.command()
def articles(db: DbOption = Path("newstrace.db")) -> None:
    """List the stored articles."""
    with _stored(db) as store:
        # Ids are long (a file's stem and its content hash): shown whole, folded if need be, never cut.
        table = Table()
        table.add_column("id", overflow="fold")
        for name in ("date", "title", "paragraphs", "credit"):
            table.add_column(name)
        for article in store.articles():
            table.add_row(
                escape(article.id),
                article.date or "unknown",
                escape((article.title or "")[:70]),
                str(len(article.paragraphs)),
                escape(article.credit or ""),
            )
        console.print(table)


@app.command()
def outlets(
    db: DbOption = Path("newstrace.db"),
    paragraphs: Annotated[int, typer.Option(help="Site paragraphs shown per outlet.")] = 3,
    every: Annotated[bool, typer.Option("--all", help="Every outlet, not only those the site pass changed.")] = False,
) -> None:
    """List the outlets whose articles the site pass changed, with the site's paragraphs it removed."""
    with _stored(db) as store:
        summaries = [outlet_summary(outlet, store.articles_of_outlet(outlet)) for outlet in store.outlets()]
        # The articles of no known outlet are read as one (NO_OUTLET), listed last.
        unknown = store.articles_of_outlet(NO_OUTLET)
        if unknown:
            summaries.append(outlet_summary(NO_OUTLET, unknown))
    shown_summaries = [summary for summary in summaries if every or summary.changed]
    table = Table(
        "outlet",
        "articles",
        "site lines removed from",
        "template only",
        "the site's paragraphs (articles holding each)",
        caption=f"{len(shown_summaries)} of {len(summaries)} outlets",
    )
    for summary in shown_summaries:
        shown = [f"{escape(line[:70])} ({count})" for line, count in summary.paragraphs[:paragraphs]]
        table.add_row(
            escape(summary.outlet or "(no known outlet)"),
            str(summary.articles - summary.without_text),
            str(summary.changed - summary.without_text),
            str(summary.without_text),
            "\n".join(shown),
        )
    console.print(table)


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(metavar="ID", help="An article id, as `articles` lists it.")],
    db: DbOption = Path("newstrace.db"),
    as_json: Annotated[bool, typer.Option("--json", help="Print the article as JSON.")] = False,
) -> None:
    """Print one cleaned article with its metadata and removed lines."""
    with _stored(db) as store:
        article = _named_article(store, article_id, db)
    if as_json:
        console.print_json(json.dumps(article_record(article), ensure_ascii=False))
        return
    console.print(f"[bold]{escape(article.title or '(no title)')}[/bold]", highlight=False)
    for label, value in (
        ("id", article.id),
        ("source", article.source),
        ("date", f"{article.date} ({article.date_source})" if article.date else "unknown"),
        ("dateline", article.dateline),
        ("credit", article.credit),
        ("byline", article.byline),
        ("outlet", article.outlet),
        ("published", article.metadata.get(PUBLISHED_TIME)),
        ("originally published", article.metadata.get("originally_published")),
        ("canonical address elsewhere", article.metadata.get(CANONICAL_ELSEWHERE)),
        ("syndication note", article.metadata.get("syndication_note")),
        ("credited source", article.metadata.get("credited_source")),
        ("text from", article.metadata.get("text_from")),
        # A digest's report names the page it was read from ("Game Capsules").
        ("report of the digest", article.metadata.get(DIGEST_TITLE)),
    ):
        if value:
            # Page text is never read as markup: "[/b]" in a byline would otherwise stop the command.
            console.print(f"[dim]{label}:[/dim] {escape(value)}", highlight=False)
    for caption in article.captions:
        console.print(f"[dim]caption:[/dim] {escape(caption)}", highlight=False)
    console.print()
    for paragraph in article.paragraphs:
        console.print(paragraph, highlight=False, markup=False)
        console.print()
    if article.removed:
        table = Table("removed line", "reason", title="removed")
        for removed in article.removed:
            table.add_row(escape(removed.line[:90]), escape(removed.reason))
        console.print(table)


@app.command()
def stories(db: DbOption = Path("newstrace.db")) -> None:
    """List the stories: date, origin, label and how each member derives from the origin."""
    with _stored(db) as store:
        found = store.stories()
    table = Table("story", "date")
    table.add_column("origin", overflow="fold")
    table.add_column("label")
    table.add_column("members", overflow="fold")
    for story in found:
        # A wire story's hundreds of reprints are counted, not listed (the JSON report names them).
        echoes = sum(member.echo_of is not None for member in story.members[1:])
        listed = [f"{member.article} ({member.kind})" for member in story.members[1:] if member.echo_of is None]
        listed += [f"{echoes} reprint{'s' if echoes > 1 else ''} (echoes)"] if echoes else []
        members = ", ".join(listed) or "-"
        table.add_row(story.id, story.date or "unknown", escape(story.origin), escape(story.label), escape(members))
    console.print(table)


PREFIX_CHOICES_SHOWN = 5


def _named_article(store: Store, given: str, db: Path) -> Article:
    """The article an id names, or that a unique beginning of its id does ("001_d57a" for
    "001_d57a66f166086418"), as git takes a commit's; exits with the error otherwise."""
    article = store.article(given)
    if article is not None:
        return article
    matches = store.article_ids_starting(given, limit=PREFIX_CHOICES_SHOWN + 1) if given else []
    if len(matches) == 1:
        found = store.article(matches[0])
        if found is not None:
            return found
    if matches:
        shown = ", ".join(map(repr, matches[:PREFIX_CHOICES_SHOWN])) + (
            ", ..." if len(matches) > PREFIX_CHOICES_SHOWN else ""
        )
        where = escape(str(db))
        errors_console.print(f"[red]error:[/red] {escape(repr(given))} begins several ids in {where}: {escape(shown)}")
    else:
        errors_console.print(f"[red]error:[/red] no article {escape(repr(given))} in {escape(str(db))}")
    raise typer.Exit(1)


@app.command()
def compare(
    first: Annotated[str, typer.Argument(metavar="A", help="An article id.")],
    second: Annotated[str, typer.Argument(metavar="B", help="Another article id.")],
    db: DbOption = Path("newstrace.db"),
) -> None:
    """Print the sentence alignment of two stored articles side by side, source on the left."""
    with _stored(db) as store:
        first_article, second_article = _named_article(store, first, db), _named_article(store, second, db)
    first = first_article.id
    pair = relate_articles(first_article, second_article)
    relation, first_text, second_text = pair.relation, pair.first_text, pair.second_text
    source_text, copy_text = (first_text, second_text) if relation.source == first else (second_text, first_text)
    console.print(
        f"[bold]{escape(relation.copy)}[/bold] is [bold]{relation.kind}[/bold] "
        f"of [bold]{escape(relation.source)}[/bold] "
        f"(confidence {relation.confidence:.2f}, story similarity {relation.similarity:.2f}, "
        f"shared text {relation.text_similarity:.2f}, "
        f"same story {relation.story_probability:.0%}, direction {relation.direction})",
        highlight=False,
    )
    for reason in relation.evidence:
        console.print(f"  [dim]-[/dim] {escape(reason)}", highlight=False)
    table = Table(
        f"source: {escape(relation.source)}", "kind", f"copy: {escape(relation.copy)}", show_lines=True, expand=True
    )
    for item in relation.aligned or [
        AlignedSentence(index, (), "unaligned", 0.0) for index in range(len(copy_text.sentences))
    ]:
        source_sentences = " ".join(source_text.sentences[index] for index in item.source_sentences)
        table.add_row(
            escape(source_sentences), f"{item.kind}\n{item.score:.2f}", escape(copy_text.sentences[item.copy_sentence])
        )
    console.print(table)


def main() -> None:
    app()
