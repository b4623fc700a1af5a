#!/bin/sh
# Rasterises the project's artwork (tools/artwork/<folder>/<key>.svg) into
# umbraco-content/<folder>/media/<key>.jpg. See README.md beside this script.
#
#   tools/artwork/render.sh                 render every SVG
#   tools/artwork/render.sh path/to/a.svg   render only the given files
#
# Needs rsvg-convert (librsvg2-bin) and ImageMagick (convert, or magick for v7).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
content="$root/umbraco-content"

command -v rsvg-convert >/dev/null 2>&1 || {
    echo "render.sh: rsvg-convert not found (apt-get install -y librsvg2-bin)" >&2; exit 1; }
if command -v magick >/dev/null 2>&1; then im=magick; identify="magick identify"
elif command -v convert >/dev/null 2>&1; then im=convert; identify=identify
else echo "render.sh: ImageMagick not found (apt-get install -y imagemagick)" >&2; exit 1
fi

if [ $# -eq 0 ]; then
    set -- "$here"/*/*.svg
fi

status=0
for svg in "$@"; do
    svg=$(cd "$(dirname "$svg")" && pwd)/$(basename "$svg")
    folder=$(basename "$(dirname "$svg")")
    key=$(basename "$svg" .svg)
    case "$key" in
        *-hero) want=1600x1000 ;;
        *)      want=1200x900 ;;
    esac
    outdir="$content/$folder/media"
    out="$outdir/$key.jpg"
    mkdir -p "$outdir"
    # SVG -> PNG at the SVG's own size, then PNG -> baseline JPEG, quality 82,
    # sRGB, 4:2:0, all metadata stripped (so the output is byte-for-byte stable).
    rsvg-convert --format=png "$svg" \
        | "$im" png:- -background white -alpha remove -alpha off \
                -colorspace sRGB -type TrueColor -sampling-factor 4:2:0 \
                -interlace none -define jpeg:optimize-coding=true \
                -quality 82 -strip "jpg:$out"
    got=$($identify -format '%wx%h' "$out")
    size=$(wc -c <"$out" | tr -d ' ')
    note=""
    [ "$got" = "$want" ] || { note=" WRONG SIZE (want $want)"; status=1; }
    [ "$size" -le 256000 ] || { note="$note OVER 250 KB"; status=1; }
    printf '%-44s %9s %7d bytes%s\n' "$folder/media/$key.jpg" "$got" "$size" "$note"
done
exit $status
