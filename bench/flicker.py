"""Flicker before/after temporal stabilization, on a colour clip turned grey (so the true colour is known).

    .venv/bin/python bench/flicker.py ../shared/data/video/street_colour.mp4 -o docs/video

Writes flicker.json and flicker.md: CDC and static-region chroma change (lower is steadier), mean colourfulness and PSNR
against the true colour frames, for the real colour clip, the colorized clip without stabilization, and with it.
Also the end-to-end time of each run against the model-only time for the same frames.
"""
import argparse, json, subprocess, tempfile, time
from pathlib import Path
import numpy as np, torch
from deoldify.core import atomic_path
from deoldify.metrics import colorfulness, psnr
from deoldify.video import ffmpeg_exe, probe, read_frames, colorize_video, cdc, static_chroma_change
from deoldify.visualize import load_colorizer_model, colorize_images
from PIL import Image


def grey_copy(src, dest):
    subprocess.run([ffmpeg_exe(), '-y', '-v', 'error', '-i', str(src), '-vf', 'format=gray,format=yuv420p',
                    '-c:v', 'libx264', '-crf', '16', '-c:a', 'copy', str(dest)], check=True)
    return dest


def stats(path, truth_frames=None, every=5):
    frames = list(read_frames(probe(path)))
    r = dict(cdc=cdc(frames), static_chroma_change=static_chroma_change(frames),
             colorfulness=float(np.mean([colorfulness(f) for f in frames[::every]])))
    if truth_frames is not None:
        r['psnr'] = float(np.mean([psnr(f, t) for f, t in zip(frames[::every], truth_frames[::every])]))
    return r


def main():
    p = argparse.ArgumentParser()
    p.add_argument('src'); p.add_argument('-o', '--out', default='docs/video'); p.add_argument('--model', default='default')
    p.add_argument('--render-factor', type=int, default=21); p.add_argument('--stabilize', type=float, nargs='+', default=[0.6, 0.8])
    p.add_argument('--threads', type=int, default=2)
    p.add_argument('--keep-videos', action='store_true', help='copy the colorized clips into the output folder')
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    grey = grey_copy(a.src, tmp/'grey.mp4')
    truth = list(read_frames(probe(a.src)))
    model = load_colorizer_model(a.model, 'cpu')
    res = dict(source=str(a.src), model=str(a.model), render_factor=a.render_factor, frames=len(truth),
               runs={'real colour': stats(a.src, truth)})
    frames = list(read_frames(probe(grey)))
    t0 = time.perf_counter()
    with torch.inference_mode():
        for i in range(0, len(frames), 4):
            colorize_images(model, [Image.fromarray(f) for f in frames[i:i+4]], a.render_factor, post_process=False, batch_size=4)
    res['model_only_s'] = round(time.perf_counter() - t0, 2)
    for s in [0.] + a.stabilize:
        dest = tmp/f'colorized_s{s}.mp4'
        t0 = time.perf_counter()
        colorize_video(model, grey, dest, a.render_factor, stabilize=s, progress=False)
        r = stats(dest, truth); r['end_to_end_s'] = round(time.perf_counter() - t0, 2)
        res['runs'][f'colorized, stabilize {s}'] = r
        if a.keep_videos: (out/dest.name).write_bytes(dest.read_bytes())
    with atomic_path(out/'flicker.json') as t: t.write_text(json.dumps(res, indent=1))
    lines = [f"Source `{Path(a.src).name}` turned grey, {len(truth)} frames, model `{a.model}`, render factor {a.render_factor}. "
             f"Model-only time for all frames: {res['model_only_s']} s.\n",
             '| run | CDC ↓ | static chroma change ↓ | colourfulness | PSNR vs truth | end-to-end s |', '|---|---|---|---|---|---|']
    for k, r in res['runs'].items():
        lines.append(f"| {k} | {r['cdc']:.5f} | {r['static_chroma_change']:.3f} | {r['colorfulness']:.2f} | "
                     f"{r.get('psnr', float('inf')):.2f} | {r.get('end_to_end_s', '–')} |")
    with atomic_path(out/'flicker.md') as t: t.write_text('\n'.join(lines) + '\n')
    print('\n'.join(lines))


if __name__ == '__main__':
    main()
