import gc

gc.set_threshold(50_000)  # before the imports as well (cleaner.cli.GC_THRESHOLD, which main() sets)

from cleaner.cli import main  # noqa: E402

main()
