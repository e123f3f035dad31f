# Resource object code (Python 3)
# Created by: object code
# Created by: The Resource Compiler for Qt version 6.11.3
# WARNING! All changes made in this file will be lost!

from PySide6 import QtCore

qt_resource_data = b"\
\x00\x00\x03{\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 viewBox=\x22\
0 0 64 64\x22 width\
=\x2264\x22 height=\x2264\
\x22>\x0a  <!-- Uprigh\
t's mark: a figu\
re standing tall\
, leaning gently\
 back (the \x22stan\
d and extend\x22 br\
eak). -->\x0a  <rec\
t x=\x222\x22 y=\x222\x22 wi\
dth=\x2260\x22 height=\
\x2260\x22 rx=\x2214\x22 fil\
l=\x22#0b6e69\x22/>\x0a  \
<circle cx=\x2234\x22 \
cy=\x2214\x22 r=\x225.5\x22 \
fill=\x22#ffffff\x22/>\
\x0a  <path d=\x22M32 \
22 C 29 30, 29 3\
6, 31 42 L 31 56\
\x22 fill=\x22none\x22 st\
roke=\x22#ffffff\x22 s\
troke-width=\x225\x22 \
stroke-linecap=\x22\
round\x22/>\x0a  <path\
 d=\x22M31 42 L 38 \
56\x22 fill=\x22none\x22 \
stroke=\x22#ffffff\x22\
 stroke-width=\x225\
\x22 stroke-linecap\
=\x22round\x22/>\x0a  <pa\
th d=\x22M31 27 C 3\
6 30, 40 32, 44 \
31\x22 fill=\x22none\x22 \
stroke=\x22#ffffff\x22\
 stroke-width=\x224\
\x22 stroke-linecap\
=\x22round\x22/>\x0a  <pa\
th d=\x22M20 34 A 1\
6 16 0 0 1 22 18\
\x22 fill=\x22none\x22 st\
roke=\x22#9fe3da\x22 s\
troke-width=\x223\x22 \
stroke-linecap=\x22\
round\x22/>\x0a  <path\
 d=\x22M18.5 20.5 L\
 22 18 L 24.5 21\
.5\x22 fill=\x22none\x22 \
stroke=\x22#9fe3da\x22\
 stroke-width=\x223\
\x22 stroke-linecap\
=\x22round\x22 stroke-\
linejoin=\x22round\x22\
/>\x0a</svg>\x0a\
\x00\x00\x011\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 viewBox=\x22\
0 0 16 16\x22 width\
=\x2216\x22 height=\x2216\
\x22>\x0a  <!-- Drop-d\
own arrow for co\
mbo boxes; mid g\
rey reads on bot\
h light and dark\
 fields. -->\x0a  <\
path d=\x22M4 6 L8 \
10 L12 6\x22 fill=\x22\
none\x22 stroke=\x22#7\
d8793\x22 stroke-wi\
dth=\x222\x22 stroke-l\
inecap=\x22round\x22 s\
troke-linejoin=\x22\
round\x22/>\x0a</svg>\x0a\
\
"

qt_resource_name = b"\
\x00\x05\
\x00o\xa6S\
\x00i\
\x00c\x00o\x00n\x00s\
\x00\x0b\
\x0d\x0f\xab'\
\x00u\
\x00p\x00r\x00i\x00g\x00h\x00t\x00.\x00s\x00v\x00g\
\x00\x10\
\x0e\x17\x06\x87\
\x00c\
\x00h\x00e\x00v\x00r\x00o\x00n\x00-\x00d\x00o\x00w\x00n\x00.\x00s\x00v\x00g\
"

qt_resource_struct = b"\
\x00\x00\x00\x00\x00\x02\x00\x00\x00\x01\x00\x00\x00\x01\
\x00\x00\x00\x00\x00\x00\x03\xe8\
\x00\x00\x00\x00\x00\x02\x00\x00\x00\x02\x00\x00\x00\x02\
\x00\x00\x00\x00\x00\x00\x03\xe8\
\x00\x00\x00\x10\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\
\x00\x00\x00\x00\x00\x00\x03\xe8\
\x00\x00\x00,\x00\x00\x00\x00\x00\x01\x00\x00\x03\x7f\
\x00\x00\x00\x00\x00\x00\x03\xe8\
"

def qInitResources():
    QtCore.qRegisterResourceData(0x03, qt_resource_struct, qt_resource_name, qt_resource_data)

def qCleanupResources():
    QtCore.qUnregisterResourceData(0x03, qt_resource_struct, qt_resource_name, qt_resource_data)

qInitResources()
