"""Write ``standards/huge.yaml``, a 50 MB standard file, into a copy of this case.

50 MB is not committed: the example test copies this folder to a temporary one
and calls :func:`generate` there before running ``inspect validate``. The file
is plausible YAML (many items), so only its size makes it a bad input.
"""

from __future__ import annotations

from pathlib import Path

SIZE = 50 * 1024 * 1024
ENTRY = (
    "  - id: NM-99-@@@@{k:03d}\n"
    "    category: environment\n"
    "    site_types: [market]\n"
    "    requirement: 地面干净，无积存垃圾（第 @@@@{k:03d} 条）\n"
    "    points: 1\n"
)
# One block of 1000 entries, made unique per block by its number in place of @@@@.
BLOCK = "".join(ENTRY.format(k=k) for k in range(1000))


def generate(root: Path) -> None:
    """Write the 50 MB file under ``root``."""
    path = root / "standards" / "huge.yaml"
    with path.open("wb") as out:
        written = out.write(b"items:\n")
        block = 0
        while written < SIZE:
            written += out.write(BLOCK.replace("@@@@", f"{block:04d}").encode())
            block += 1
