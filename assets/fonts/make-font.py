#!/usr/bin/env python3
"""Builds assets/fonts/NotoSansCJKsc-Regular-subset.ttf, the CJK font Wenshu embeds (subset again) in exported PDFs.

Source: Noto Sans CJK SC Regular, face 2 of Debian's NotoSansCJK-Regular.ttc (fonts-noto-cjk).
pdf-lib cannot subset a font *collection* (.ttc), so the single SC face is extracted, cut down to
the characters official documents use, and its CFF outlines converted to TrueType (quadratic)
outlines: the CFF subsets pdf-lib 1.17.1 / @pdf-lib/fontkit 1.1.1 write are invalid (poppler:
"Embedded font file may be invalid", then it substitutes a system font, or nothing on a machine
without CJK fonts), while its TrueType subsets are sound. Needs fontTools (Debian: python3-fonttools).

  /usr/bin/python3 assets/fonts/make-font.py [--set gb2312|basic|basic+extA|all-han] [--otf] [TTC] [OUT]
"""
import argparse
import os

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable

TTC = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'NotoSansCJKsc-Regular-subset.ttf')
FACE_NAME = 'NotoSansCJKsc-Regular'
# pdf-lib sets text horizontally with each character's default (SC) glyph. Keeping fontTools'
# default feature list would pull in the JP/KR/TC locl variants and the vertical forms (14,573
# glyphs instead of 8,456 for the GB 2312 set; 11.3 MB instead of 6.2 MB of CFF for the basic block), so
# only kerning stays (+30 KB).
LAYOUT_FEATURES = ['kern']
# cu2qu tolerance in font units (1000 per em): 2 units is 0.03 pt at 16 pt, far below a pixel.
MAX_ERR = 2.0

# Non-Han ranges every variant keeps.
COMMON = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 supplement
    (0x0100, 0x017F),  # Latin Extended-A (names, pinyin with tone marks)
    (0x01CD, 0x01DC),  # pinyin ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ
    (0x02C7, 0x02C9), (0x02D8, 0x02DD),  # ˇ ˉ ˘ ˙ ˚ ˛ ˜ ˝
    (0x0391, 0x03C9),  # Greek
    (0x0401, 0x0451),  # Cyrillic (GB 2312 row 7)
    (0x2010, 0x2027), (0x2030, 0x203B),  # dashes, quotes, …, ‰, ※
    (0x20AC, 0x20AC),  # €
    (0x2100, 0x2199),  # ℃ № ™, Roman numerals Ⅰ–Ⅻ, arrows
    (0x2200, 0x22FF),  # mathematical operators
    (0x2460, 0x24FF),  # ① ⑴ ⒈ (enclosed alphanumerics)
    (0x2500, 0x25FF),  # box drawing, □ ■ ○ ● △
    (0x2600, 0x2642),  # ★ ☆ ☎ ♀ ♂
    (0x3000, 0x303F),  # CJK symbols and punctuation: 　、。〈〉《》「」『』【】〔〕
    (0x3040, 0x30FF),  # kana (GB 2312 rows 4-5)
    (0x3105, 0x312F),  # bopomofo
    (0x3200, 0x32FF),  # ㈠ ㊣ (enclosed CJK)
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF01, 0xFFEF),  # full-width forms
]


def gb2312_han():
    """The 6,763 Han characters of GB 2312 (rows 16-87), decoded from the code table itself."""
    chars = set()
    for row in range(0xB0, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([row, cell]).decode('gb2312')))
            except UnicodeDecodeError:
                pass
    return chars


def gb2312_symbols():
    """GB 2312 rows 1-9 (punctuation, numbers, Latin, Greek, Cyrillic, kana, pinyin, box drawing)."""
    chars = set()
    for row in range(0xA1, 0xAA):
        for cell in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([row, cell]).decode('gb2312')))
            except UnicodeDecodeError:
                pass
    return chars


def unicodes(which):
    out = set(gb2312_symbols())
    for lo, hi in COMMON:
        out.update(range(lo, hi + 1))
    han = gb2312_han()
    assert len(han) == 6763, len(han)
    out |= han
    if which in ('basic', 'basic+extA', 'all-han'):
        out.update(range(0x4E00, 0xA000))  # CJK Unified Ideographs (covers GBK's Han)
    if which in ('basic+extA', 'all-han'):
        out.update(range(0x3400, 0x4DC0))  # Extension A (GB 18030)
    if which == 'all-han':
        out.update(range(0x2E80, 0x2FE0))  # CJK and Kangxi radicals
        out.update(range(0xF900, 0xFB00))  # CJK compatibility ideographs
        out.update(range(0x20000, 0x323B0))  # Extensions B-H: rare characters in personal and place names
    return out


def to_truetype(font, max_err=MAX_ERR):
    """CFF (cubic) outlines to glyf (quadratic), within max_err font units (of 1000 per em)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font['loca'] = newTable('loca')
    glyf = font['glyf'] = newTable('glyf')
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    # Every glyph 4-byte aligned: fontkit copies glyph records as they are and switches to a short
    # loca (offsets / 2) when its subset is small, which corrupts any odd-length record.
    glyf.padding = 4
    del font['CFF ']
    if 'VORG' in font:
        del font['VORG']
    glyf.compile(font)
    hmtx = font['hmtx']
    for name in order:
        hmtx[name] = (hmtx[name][0], getattr(glyf[name], 'xMin', 0))
    maxp = font['maxp'] = newTable('maxp')
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for field in ('maxTwilightPoints', 'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs',
                  'maxStackElements', 'maxSizeOfInstructions', 'maxComponentElements'):
        setattr(maxp, field, 0)
    font['post'].formatType = 3.0  # no glyph names
    font.sfntVersion = '\x00\x01\x00\x00'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--set', default='all-han', choices=['gb2312', 'basic', 'basic+extA', 'all-han'])
    ap.add_argument('--otf', action='store_true', help='keep the CFF outlines (for comparison only)')
    ap.add_argument('ttc', nargs='?', default=TTC)
    ap.add_argument('out', nargs='?', default=OUT)
    args = ap.parse_args()

    collection = TTCollection(args.ttc)
    faces = [f for f in collection.fonts if f['name'].getDebugName(6) == FACE_NAME]
    if len(faces) != 1:
        raise SystemExit(f'{FACE_NAME} not found in {args.ttc}')
    font = faces[0]

    opts = subset.Options()
    opts.layout_features = LAYOUT_FEATURES
    opts.name_IDs = ['*']  # keep the copyright and OFL notice in the name table
    opts.name_languages = ['*']
    opts.notdef_outline = True
    opts.glyph_names = False
    opts.hinting = True
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=unicodes(args.set))
    sub.subset(font)
    if not args.otf:
        to_truetype(font)
    font.save(args.out)
    cmap = font.getBestCmap()
    han = sum(1 for c in cmap if 0x4E00 <= c <= 0x9FFF or 0x3400 <= c <= 0x4DBF or 0xF900 <= c <= 0xFAFF or c >= 0x20000)
    print(f'{args.out}: {os.path.getsize(args.out):,} bytes, {len(cmap):,} code points ({han:,} Han), '
          f'{len(font.getGlyphOrder()):,} glyphs')


if __name__ == '__main__':
    main()
