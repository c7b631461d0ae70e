"""Brand guides (brand.yml): what a brand stands for, how it sounds, the words it uses and the figures it promises.

    load.py       load_brand("brand.yml", engine): read the file, validate it, compile it (cached)
    validate.py   the JSON schema and what it cannot say, as problems for the guide's author (BrandError)
    compile.py    BrandGuide (compile_brand for data given inline): matchers run once per document
    starter.py    `tonecheck init`'s starter files

The checks that read a compiled guide are in tonecheck.checks.brand.
"""
