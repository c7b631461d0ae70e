"""The one table of file kinds and the extensions that name them: the reader picks by it, and a folder walk
collects exactly the files some reader reads."""

KINDS = ("eml", "txt", "md", "html")
EXTENSIONS = {".eml": "eml", ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html",
              ".htm": "html"}
