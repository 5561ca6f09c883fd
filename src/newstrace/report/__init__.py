"""Reports: the JSON report of a run (the HTML report comes later)."""

from newstrace.report.json_report import article_record, build_report, load_report

__all__ = ["article_record", "build_report", "load_report"]
