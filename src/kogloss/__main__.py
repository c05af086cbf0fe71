from kogloss.cli import main

main()
