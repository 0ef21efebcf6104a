from tyokykyapp.cli import main

raise SystemExit(main())
