#!/usr/bin/python3
"""Writes the golden test fixtures under src/test/resources/fixtures/ with PyTorch.

Run with Debian's interpreter after `apt-get install python3-torch python3-numpy python3-h5py
python3-lmdb` (the cache topic needs python3-lmdb):

    /usr/bin/python3 scripts/make_fixtures.py            # every topic
    /usr/bin/python3 scripts/make_fixtures.py tensor     # one topic

Each topic is a module in scripts/fixtures/ with a function make(out_dir); its outputs are
committed, so the tests never need Python. Every fixture carries a header array `format_version`
and the shapes it holds.
"""
import importlib
import os
import pkgutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "test", "resources", "fixtures")


def main(argv):
    sys.path.insert(0, HERE)
    import fixtures
    topics = argv or sorted(m.name for m in pkgutil.iter_modules(fixtures.__path__) if not m.name.startswith("_"))
    for topic in topics:
        module = importlib.import_module("fixtures." + topic)
        out_dir = os.path.join(OUT, topic)
        os.makedirs(out_dir, exist_ok=True)
        module.make(out_dir)
        print("wrote fixtures/" + topic)


if __name__ == "__main__":
    main(sys.argv[1:])
