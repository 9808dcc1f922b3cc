import gc

from cleaner import GC_THRESHOLD

gc.set_threshold(GC_THRESHOLD)  # before the command-line modules are imported, as well as in main()

from cleaner.cli import main  # noqa: E402

main()
