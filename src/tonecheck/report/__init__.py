"""Output formats. Each module has one `render(results, **options) -> str` over the run's FileResults."""
FORMATS = ("text", "json", "sarif", "github", "html")
