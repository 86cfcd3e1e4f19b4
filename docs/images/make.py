"""Regenerate the README's pictures with the shipped model at the CLI's defaults (its own render factor):
`demo.jpg` from `data/samples`, and `old_photos_contact_sheet.jpg` from a folder of old photographs.

    .venv/bin/python docs/images/make.py ../shared/data/old_photos
"""
import sys
from pathlib import Path
from PIL import Image
from deoldify.core import load_image, save_image
from deoldify.crappify import image_files
from deoldify.visualize import get_image_colorizer
from deoldify.cli import side_by_side

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def pairs(paths, colorizer, width:int) -> list:
    "Original | colorized for each photo, `width` pixels wide."
    out = []
    for p in paths:
        img, _ = load_image(p)
        pair = side_by_side(img, colorizer.get_transformed_image(p))
        out.append(pair.resize((width, round(pair.height*width/pair.width)), Image.LANCZOS))
    return out


def grid(ims:list, cols:int=1, gap:int=8) -> Image.Image:
    "Pictures in rows of `cols`, each row as tall as its tallest, on white."
    rows = [ims[i:i+cols] for i in range(0, len(ims), cols)]
    w = max(sum(im.width for im in r) + gap*(len(r) - 1) for r in rows)
    h = sum(max(im.height for im in r) for r in rows) + gap*(len(rows) - 1)
    sheet, y = Image.new('RGB', (w, h), 'white'), 0
    for r in rows:
        x = 0
        for im in r: sheet.paste(im, (x, y)); x += im.width + gap
        y += max(im.height for im in r) + gap
    return sheet


if __name__ == '__main__':
    colorizer = get_image_colorizer()
    print(f'shipped model, render factor {colorizer.render_factor}')
    demo = [ROOT/'data'/'samples'/n for n in ('armstrong_1946.jpg', 'detroit_1915.jpg', 'keller_chaplin_1919.jpg')]
    save_image(grid(pairs(demo, colorizer, 1000)), HERE/'demo.jpg', quality=88)
    if len(sys.argv) > 1:
        old = image_files(sys.argv[1])
        save_image(grid(pairs(old, colorizer, 560), cols=2), HERE/'old_photos_contact_sheet.jpg', quality=85)
        print(f'{len(old)} old photos')
