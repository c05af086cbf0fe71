/* kogloss._native.tokens: one pass over a document's text for acronym-first-use and
 * repeated-word, in place of a byte translation and a regex search per document and a few
 * Python calls per acronym.
 *
 * Each function computes exactly what a Python generator beside its caller yields (the
 * reference and the fallback; tests/test_native_tokens.py compares them on generated text):
 *   acronym_uses         kogloss.check.acronyms._acronym_uses
 *   doubled_word_starts  kogloss.check.repetition._doubled_word_starts
 *
 * The text may be any str kind: each scan is written once as an always-inlined function of
 * the kind and called with a constant kind, so that the compiler makes one loop per kind
 * without a switch on the kind at each character.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#if defined(_MSC_VER)
#define ALWAYS_INLINE __forceinline
#else
#define ALWAYS_INLINE inline __attribute__((always_inline))
#endif

#define AT(i) PyUnicode_READ(kind, data, (i))

/* What acronym_uses is told (doubled_word_starts needs nothing). */
typedef struct {
    Py_ssize_t max_letters;
    double headline_share;
} Options;

/* A scan of a text of one kind: its findings appended to out; 0, or -1 with an exception. */
typedef int (*Scan)(const void *data, PyObject *text, Py_ssize_t n, const Options *options,
                    PyObject *out);

/* The three Scans, one per kind, of an always-inlined scan(kind, data, text, n, options,
 * out): in each the kind is a constant. */
#define SCANS_PER_KIND(scan)                                                                  \
    static int scan##_1(const void *data, PyObject *text, Py_ssize_t n,                      \
                        const Options *options, PyObject *out)                                \
    {                                                                                         \
        return scan(PyUnicode_1BYTE_KIND, data, text, n, options, out);                       \
    }                                                                                         \
    static int scan##_2(const void *data, PyObject *text, Py_ssize_t n,                      \
                        const Options *options, PyObject *out)                                \
    {                                                                                         \
        return scan(PyUnicode_2BYTE_KIND, data, text, n, options, out);                       \
    }                                                                                         \
    static int scan##_4(const void *data, PyObject *text, Py_ssize_t n,                      \
                        const Options *options, PyObject *out)                                \
    {                                                                                         \
        return scan(PyUnicode_4BYTE_KIND, data, text, n, options, out);                       \
    }                                                                                         \
    static const Scan scan##_kinds[3] = {scan##_1, scan##_2, scan##_4};

/* The list of what the scan for text's kind finds, or NULL with an exception set. */
static PyObject *run_scan(PyObject *text, const Scan kinds[3], const Options *options)
{
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "expected str, not %.50s", Py_TYPE(text)->tp_name);
        return NULL;
    }
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(text) < 0)
        return NULL;
#endif
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    int kind = PyUnicode_KIND(text);
    Scan scan = kinds[kind == PyUnicode_1BYTE_KIND ? 0 : kind == PyUnicode_2BYTE_KIND ? 1 : 2];
    if (scan(PyUnicode_DATA(text), text, PyUnicode_GET_LENGTH(text), options, out) < 0) {
        Py_CLEAR(out);
    }
    return out;
}

static ALWAYS_INLINE int is_capital(Py_UCS4 c) { return c >= 'A' && c <= 'Z'; }
static ALWAYS_INLINE int is_digit(Py_UCS4 c) { return c >= '0' && c <= '9'; }
/* [A-Za-z0-9]: what may not touch an acronym (the patterns are ASCII-only). */
static ALWAYS_INLINE int is_ascii_alnum(Py_UCS4 c)
{
    return is_capital(c) || (c >= 'a' && c <= 'z') || is_digit(c);
}

/* ------------------------------------------------------------------ acronym_uses */

/* The kinds of use, as acronyms.INTRODUCES, USE and BESIDE_CAPITALS number them. */
enum { INTRODUCES = 0, USE = 1, BESIDE_CAPITALS = 2 };

/* Where the match of _ACRONYM, as the plain pattern
 *     ([A-Z](?<![A-Za-z0-9].)[A-Z0-9&]*[A-Z0-9])(s?)(?![A-Za-z0-9])
 * opening at the capital p ends: the acronym's end in *acronym_end, the match's (after a
 * plural "s") returned; -1 where none opens there. Like the regex engine, the longest run of
 * [A-Z0-9&] is given back a character at a time until a letter or digit ends it and nothing
 * alphanumeric follows, "s" first tried. */
static ALWAYS_INLINE Py_ssize_t acronym_at(int kind, const void *data, Py_ssize_t n,
                                           Py_ssize_t p, Py_ssize_t *acronym_end)
{
    Py_ssize_t run_end = p + 1;
    while (run_end < n) {
        Py_UCS4 c = AT(run_end);
        if (!(is_capital(c) || is_digit(c) || c == '&'))
            break;
        run_end++;
    }
    for (Py_ssize_t end = run_end; end >= p + 2; end--) {
        Py_UCS4 last = AT(end - 1);
        if (!(is_capital(last) || is_digit(last)))
            continue;
        *acronym_end = end;
        if (end < n && AT(end) == 's' && !(end + 1 < n && is_ascii_alnum(AT(end + 1))))
            return end + 1;
        if (!(end < n && is_ascii_alnum(AT(end))))
            return end;
    }
    return -1;
}

/* _may_be_acronym for text[start:end], a run of [A-Z0-9&]: 2 to max_letters capitals, and
 * not all of them IVXLCDM (a Roman numeral). */
static ALWAYS_INLINE int may_be_acronym(int kind, const void *data, Py_ssize_t start,
                                        Py_ssize_t end, Py_ssize_t max_letters)
{
    Py_ssize_t letters = 0;
    int roman = 1;
    for (Py_ssize_t i = start; i < end; i++) {
        Py_UCS4 c = AT(i);
        letters += is_capital(c);
        roman &= c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C' || c == 'D' ||
                 c == 'M';
    }
    return letters >= 2 && letters <= max_letters && !roman;
}

/* _introduces: "(" before and ")" after, or _EXPANSION_AFTER at end:
 *     \s*\(\s*[A-Z][^()\n]*\s[^()\n]*\)
 * Past the capital, either the run of [^()\n] holds a space and ")" ends it, or "\n" ends
 * it (that is the space) and ")" ends the next run. */
static ALWAYS_INLINE int introduces(int kind, const void *data, Py_ssize_t n, Py_ssize_t start,
                                    Py_ssize_t end)
{
    if (start > 0 && AT(start - 1) == '(' && end < n && AT(end) == ')')
        return 1;
    Py_ssize_t i = end;
    while (i < n && Py_UNICODE_ISSPACE(AT(i)))
        i++;
    if (!(i < n && AT(i) == '('))
        return 0;
    i++;
    while (i < n && Py_UNICODE_ISSPACE(AT(i)))
        i++;
    if (!(i < n && is_capital(AT(i))))
        return 0;
    int spaced = 0;
    for (i++; i < n; i++) {
        Py_UCS4 c = AT(i);
        if (c == ')')
            return spaced;
        if (c == '(')
            return 0;
        if (c == '\n')
            break;
        if (Py_UNICODE_ISSPACE(c))
            spaced = 1;
    }
    if (i >= n)
        return 0;
    for (i++; i < n; i++) {
        Py_UCS4 c = AT(i);
        if (c == ')')
            return 1;
        if (c == '(' || c == '\n')
            return 0;
    }
    return 0;
}

/* _in_headline for the line [line_start, line_end): capitals >= share * letters, the
 * letters those str.isalpha() takes, the capitals those of them str.isupper() takes. */
static ALWAYS_INLINE int is_headline(int kind, const void *data, Py_ssize_t line_start,
                                     Py_ssize_t line_end, double share)
{
    Py_ssize_t letters = 0, capitals = 0;
    for (Py_ssize_t i = line_start; i < line_end; i++) {
        Py_UCS4 c = AT(i);
        if (c < 128) {
            if (is_capital(c)) {
                letters++;
                capitals++;
            }
            else if (c >= 'a' && c <= 'z')
                letters++;
        }
        else if (Py_UNICODE_ISALPHA(c)) {
            letters++;
            capitals += Py_UNICODE_ISUPPER(c) != 0;
        }
    }
    return (double)capitals >= share * (double)letters;
}

/* _next_to_capitals: [A-Z]*[ \t]+[A-Z]{2} at offset, or two capitals, then spaces and tabs,
 * just before it. */
static ALWAYS_INLINE int next_to_capitals(int kind, const void *data, Py_ssize_t n,
                                          Py_ssize_t offset)
{
    Py_ssize_t i = offset;
    while (i < n && is_capital(AT(i)))
        i++;
    Py_ssize_t gap = i;
    while (i < n && (AT(i) == ' ' || AT(i) == '\t'))
        i++;
    if (i > gap && i + 2 <= n && is_capital(AT(i)) && is_capital(AT(i + 1)))
        return 1;
    Py_ssize_t gap_start = offset;
    while (gap_start > 0 && (AT(gap_start - 1) == ' ' || AT(gap_start - 1) == '\t'))
        gap_start--;
    return gap_start < offset && gap_start >= 2 && is_capital(AT(gap_start - 2)) &&
           is_capital(AT(gap_start - 1));
}

/* Appends (acronym, start, kind) to out; 0, or -1 with an exception set. */
static int append_use(PyObject *out, PyObject *acronym, Py_ssize_t start, int use_kind)
{
    PyObject *item = Py_BuildValue("(Onn)", acronym, start, (Py_ssize_t)use_kind);
    if (item == NULL)
        return -1;
    int failed = PyList_Append(out, item);
    Py_DECREF(item);
    return failed;
}

/* The headline verdict of the line the scan is in, worked out once, at the first acronym on
 * it that asks. */
typedef struct {
    Py_ssize_t start;  /* the line's start: after the last line break passed */
    Py_ssize_t judged; /* the start of the line whose verdict headline holds, or -1 */
    int headline;
} Line;

/* The acronym text[start:acronym_end] of the match [start, end) as _acronym_uses takes it:
 * appended to out with its kind when it is yielded, introduced and used updated. 0 or 1,
 * or -1 with an exception set. */
static ALWAYS_INLINE int take_acronym(int kind, const void *data, Py_ssize_t n, PyObject *acronym,
                                      Py_ssize_t start, Py_ssize_t end, double share,
                                      Line *line, PyObject *introduced, PyObject *used,
                                      PyObject *out)
{
    int seen = PySet_Contains(introduced, acronym);
    if (seen != 0)
        return seen;
    if (introduces(kind, data, n, start, end)) {
        if (PySet_Add(introduced, acronym) < 0)
            return -1;
        return append_use(out, acronym, start, INTRODUCES);
    }
    seen = PySet_Contains(used, acronym);
    if (seen != 0)
        return seen;
    /* _is_dateline: a place in capitals opening a paragraph, a comma after it */
    if ((start == 0 || AT(start - 1) == '\n') && end < n && AT(end) == ',')
        return 0;
    if (line->judged != line->start) {
        Py_ssize_t line_end = start;
        while (line_end < n && AT(line_end) != '\n')
            line_end++;
        line->headline = is_headline(kind, data, line->start, line_end, share);
        line->judged = line->start;
    }
    if (line->headline)
        return 0;
    if (next_to_capitals(kind, data, n, start))
        return append_use(out, acronym, start, BESIDE_CAPITALS);
    if (PySet_Add(used, acronym) < 0)
        return -1;
    return append_use(out, acronym, start, USE);
}

/* What _acronym_uses yields, appended to out; 0, or -1 with an exception set. */
static ALWAYS_INLINE int scan_acronyms(int kind, const void *data, PyObject *text, Py_ssize_t n,
                                       const Options *options, PyObject *out)
{
    PyObject *introduced = PySet_New(NULL), *used = PySet_New(NULL);
    Line line = {0, -1, 0};
    int status = -1;
    if (introduced == NULL || used == NULL)
        goto done;
    Py_ssize_t p = 0;
    while (p < n) {
        Py_UCS4 c = AT(p);
        if (c == '\n')
            line.start = p + 1;
        Py_ssize_t acronym_end, end = -1;
        if (is_capital(c) && !(p > 0 && is_ascii_alnum(AT(p - 1))))
            end = acronym_at(kind, data, n, p, &acronym_end);
        if (end < 0) {
            p++;
            continue;
        }
        Py_ssize_t start = p;
        p = end; /* an acronym holds no line break: line.start stays right */
        if (!may_be_acronym(kind, data, start, acronym_end, options->max_letters))
            continue;
        PyObject *acronym = PyUnicode_Substring(text, start, acronym_end);
        if (acronym == NULL)
            goto done;
        int taken = take_acronym(kind, data, n, acronym, start, end, options->headline_share,
                                 &line, introduced, used, out);
        Py_DECREF(acronym);
        if (taken < 0)
            goto done;
    }
    status = 0;
done:
    Py_XDECREF(introduced);
    Py_XDECREF(used);
    return status;
}

SCANS_PER_KIND(scan_acronyms)

static PyObject *acronym_uses(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *text;
    Options options;
    if (!PyArg_ParseTuple(args, "Und:acronym_uses", &text, &options.max_letters,
                          &options.headline_share))
        return NULL;
    return run_scan(text, scan_acronyms_kinds, &options);
}

/* ------------------------------------------------------------------ doubled_word_starts */

/* A character as repetition._folded writes it: a lowercase letter for each letter that
 * _DOUBLED_WORD (case-blind) takes for one, "'" for the apostrophes, " " for the spaces that
 * may part a doubled word, "#" for anything else. ASCII by a table (repetition._WORD_BYTES),
 * the rest by repetition._FOLDS. */
static char ascii_folds[128];

static void fill_ascii_folds(void)
{
    for (int c = 0; c < 128; c++)
        ascii_folds[c] = '#';
    for (int c = 'a'; c <= 'z'; c++) {
        ascii_folds[c] = (char)c;
        ascii_folds[c - 32] = (char)c;
    }
    ascii_folds['\''] = '\'';
    ascii_folds[' '] = ascii_folds['\t'] = ascii_folds['\n'] = ' ';
}

static ALWAYS_INLINE char fold(Py_UCS4 c)
{
    if (c < 128)
        return ascii_folds[c];
    switch (c) {
    case 0x130: /* İ */
    case 0x131: /* ı */
        return 'i';
    case 0x17F: /* ſ */
        return 's';
    case 0x212A: /* Kelvin sign */
        return 'k';
    case 0x2019: /* ’ */
        return '\'';
    case 0xA0: /* no-break space */
        return ' ';
    default:
        return '#';
    }
}

static ALWAYS_INLINE int is_folded_letter(char f) { return f >= 'a' && f <= 'z'; }

/* Whether the folded text doubles the word [w, word_end) (the longest run of [a-z'] from w),
 * as _DOUBLED_FOLDED tests it: spaces after it, then the same run again. */
static ALWAYS_INLINE int doubles(int kind, const void *data, Py_ssize_t n, Py_ssize_t w,
                                 Py_ssize_t word_end)
{
    Py_ssize_t again = word_end;
    while (again < n && fold(AT(again)) == ' ')
        again++;
    Py_ssize_t length = word_end - w;
    if (again == word_end || again + length > n)
        return 0;
    for (Py_ssize_t k = 0; k < length; k++)
        if (fold(AT(w + k)) != fold(AT(again + k)))
            return 0;
    return 1;
}

static int append_index(PyObject *out, Py_ssize_t index)
{
    PyObject *item = PyLong_FromSsize_t(index);
    if (item == NULL)
        return -1;
    int failed = PyList_Append(out, item);
    Py_DECREF(item);
    return failed;
}

/* The text's places of the words that the folded text doubles, appended to out in order; 0,
 * or -1 with an exception set. A word opens at a letter after anything but a letter (the
 * folded text has a space in front): at the start of a run of [a-z'], or after an apostrophe
 * in it, where a second word ends where the run does. */
static ALWAYS_INLINE int scan_doubled(int kind, const void *data, PyObject *Py_UNUSED(text),
                                      Py_ssize_t n, const Options *Py_UNUSED(options),
                                      PyObject *out)
{
    Py_ssize_t i = 0;
    while (i < n) {
        if (!is_folded_letter(fold(AT(i)))) {
            i++;
            continue;
        }
        Py_ssize_t word_end = i + 1;
        int apostrophes = 0;
        for (; word_end < n; word_end++) {
            char f = fold(AT(word_end));
            if (f == '\'')
                apostrophes = 1;
            else if (!is_folded_letter(f))
                break;
        }
        if (doubles(kind, data, n, i, word_end) && append_index(out, i) < 0)
            return -1;
        for (Py_ssize_t w = i + 1; apostrophes && w < word_end; w++)
            if (fold(AT(w - 1)) == '\'' && is_folded_letter(fold(AT(w))) &&
                doubles(kind, data, n, w, word_end) && append_index(out, w) < 0)
                return -1;
        i = word_end; /* no letter: the next word opens after it */
    }
    return 0;
}

SCANS_PER_KIND(scan_doubled)

static PyObject *doubled_word_starts(PyObject *Py_UNUSED(module), PyObject *text)
{
    return run_scan(text, scan_doubled_kinds, NULL);
}

/* ------------------------------------------------------------------ module */

static PyMethodDef methods[] = {
    {"acronym_uses", acronym_uses, METH_VARARGS,
     "acronym_uses(text, max_letters, headline_share) -> list of (acronym, start, kind):\n"
     "what kogloss.check.acronyms._acronym_uses yields."},
    {"doubled_word_starts", doubled_word_starts, METH_O,
     "doubled_word_starts(text) -> list of int: what\n"
     "kogloss.check.repetition._doubled_word_starts yields."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "kogloss._native.tokens",
    "One pass over a document's text for acronym-first-use and repeated-word.", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit_tokens(void)
{
    fill_ascii_folds();
    return PyModule_Create(&module);
}
