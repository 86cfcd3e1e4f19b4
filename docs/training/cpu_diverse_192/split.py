"Link Imagenette train + diverse into color/ and holdout/ (is_held_out 5% by name CRC-32), as in session 10."
import zlib, os
from pathlib import Path
EXTS = {'.jpg', '.jpeg', '.png', '.bmp', '.webp', '.tif', '.tiff'}
def held(p, pct=0.05): return zlib.crc32(Path(p).name.encode()) % 10_000 < pct*10_000
n = {'color': 0, 'holdout': 0}
for src, tag in ((Path('/work/shared/data/imagenette2_224/train'), 'inet'), (Path('/work/shared/data/diverse'), 'div')):
    for f in sorted(src.rglob('*')):
        if f.suffix.lower() not in EXTS or not f.is_file(): continue
        d = 'holdout' if held(f) else 'color'
        dest = Path(d)/tag/f.relative_to(src)
        dest.parent.mkdir(parents=True, exist_ok=True)
        if not dest.exists(): os.symlink(f, dest)
        n[d] += 1
print(n)
