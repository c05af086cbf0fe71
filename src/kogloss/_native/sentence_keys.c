/* The keys repeated-sentence compares sentences by (kogloss.check.repetition._sentence_key):
 * the text without its list marker (segment.LIST_MARKER), white-space runs made one space,
 * stripped, case-folded.
 *
 * In Python each key took a regex substitution, a split and a fold over the sentences of a
 * document joined (90,000 sentences per 10 MB); here one pass over each sentence builds it.
 * Only the sentences whose characters fold simply are keyed here: ASCII, white space, Hangul
 * syllables and the caseless punctuation releases use (curly quotes, dashes, the ellipsis, the
 * middle dot), for which str.casefold is ASCII lowering. Any other sentence gets None, and
 * Python keys it with str.casefold, so that no folding rule is restated here.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* LIST_MARKER's bullets but "*" and "-": °ㅇ○●•◦▪■□◆◇▶▷►‣∙·※–—. */
static const Py_UCS4 wide_bullets[] = {0x00B0, 0x3147, 0x25CB, 0x25CF, 0x2022, 0x25E6,
                                       0x25AA, 0x25A0, 0x25A1, 0x25C6, 0x25C7, 0x25B6,
                                       0x25B7, 0x25BA, 0x2023, 0x2219, 0x00B7, 0x203B,
                                       0x2013, 0x2014};

/* Hangul letters LIST_MARKER takes in parentheses, as in (가): 가나다라마바사아자차카타파하. */
static const Py_UCS4 hangul_item_letters[] = {0xAC00, 0xB098, 0xB2E4, 0xB77C, 0xB9C8,
                                              0xBC14, 0xC0AC, 0xC544, 0xC790, 0xCC28,
                                              0xCE74, 0xD0C0, 0xD30C, 0xD558};

/* Whether `ch` is one of the `count` characters of `list`. */
static int
one_of(Py_UCS4 ch, const Py_UCS4 *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (list[i] == ch)
            return 1;
    return 0;
}

#define ONE_OF(ch, list) one_of((ch), (list), sizeof(list) / sizeof((list)[0]))

/* Characters other than ASCII and white space whose case fold is themselves: Hangul
 * syllables, curly quotes, the ellipsis and the bullets. */
static int
folds_to_itself(Py_UCS4 ch)
{
    return (ch >= 0xAC00 && ch <= 0xD7A3) || ch == 0x2018 || ch == 0x2019 || ch == 0x201C ||
           ch == 0x201D || ch == 0x2026 || ONE_OF(ch, wide_bullets);
}

/* A space LIST_MARKER takes before and after a marker: [ \t\u00a0\u3000]. */
static int
is_marker_space(Py_UCS4 ch)
{
    return ch == ' ' || ch == '\t' || ch == 0xA0 || ch == 0x3000;
}

static int
is_hangul_syllable(Py_UCS4 ch)
{
    return ch >= 0xAC00 && ch <= 0xD7A3;
}

/* The bullets LIST_MARKER takes before a space or a Hangul syllable. */
static int
is_bullet(Py_UCS4 ch)
{
    return ch == '*' || ch == '-' || (ch >= 128 && ONE_OF(ch, wide_bullets));
}

/* The character at `i`, or 0 past the end (0 is no space, digit or letter). */
static inline Py_UCS4
at(int kind, const void *data, Py_ssize_t length, Py_ssize_t i)
{
    return i < length ? PyUnicode_READ(kind, data, i) : 0;
}

/* Where a run of 1 to `most` characters passing `test` starting at `i` ends, or -1. */
static Py_ssize_t
run_of(int kind, const void *data, Py_ssize_t length, Py_ssize_t i, Py_ssize_t most,
       int (*test)(Py_UCS4))
{
    Py_ssize_t end = i;
    while (end < length && test(PyUnicode_READ(kind, data, end)))
        end++;
    return end > i && end - i <= most ? end : -1;
}

static int
is_ascii_digit(Py_UCS4 ch)
{
    return ch >= '0' && ch <= '9';
}

static int
is_hash(Py_UCS4 ch)
{
    return ch == '#';
}

/* The end of the item that opens a marker at `i` (before its trailing spaces), or -1.
 * LIST_MARKER's alternatives, each followed by white space (a bullet also by Hangul). */
static Py_ssize_t
marker_item_end(int kind, const void *data, Py_ssize_t length, Py_ssize_t i)
{
    Py_UCS4 ch = at(kind, data, length, i), next = at(kind, data, length, i + 1);
    Py_ssize_t end = -1;
    if (is_ascii_digit(ch)) { /* \d{1,3}[.)] */
        Py_ssize_t digits = run_of(kind, data, length, i, 3, is_ascii_digit);
        Py_UCS4 after = digits > 0 ? at(kind, data, length, digits) : 0;
        if (after == '.' || after == ')')
            end = digits + 1;
    }
    else if (ch == '(') { /* \(\d{1,3}\) or \([a-zA-Z가나...하]\) */
        Py_ssize_t digits = run_of(kind, data, length, i + 1, 3, is_ascii_digit);
        if (digits > 0 && at(kind, data, length, digits) == ')')
            end = digits + 1;
        else if ((next < 128 && Py_ISALPHA(next)) || ONE_OF(next, hangul_item_letters))
            end = at(kind, data, length, i + 2) == ')' ? i + 3 : -1;
    }
    else if (ch >= 'a' && ch <= 'z' && (next == '.' || next == ')')) /* [a-z][.)] */
        end = i + 2;
    else if ((ch == 'Q' || ch == 'A') && (next == ':' || next == '.')) /* [QA][:.] */
        end = i + 2;
    else if (ch == '#') /* #{1,6} */
        end = run_of(kind, data, length, i, 6, is_hash);
    else if (is_bullet(ch)) {
        Py_UCS4 after = at(kind, data, length, i + 1);
        return i + 1 < length && (Py_UNICODE_ISSPACE(after) || is_hangul_syllable(after))
                   ? i + 1
                   : -1;
    }
    if (end < 0 || end >= length || !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, end)))
        return -1;
    return end;
}

/* Where the text goes on after its list marker (LIST_MARKER.match), or 0. */
static Py_ssize_t
after_marker(int kind, const void *data, Py_ssize_t length)
{
    Py_ssize_t i = 0;
    while (i < length && is_marker_space(PyUnicode_READ(kind, data, i)))
        i++;
    Py_ssize_t end = marker_item_end(kind, data, length, i);
    if (end < 0)
        return 0;
    while (end < length && is_marker_space(PyUnicode_READ(kind, data, end)))
        end++;
    return end;
}

/* The key of one sentence, or None where its characters do not all fold simply (a new
 * reference either way, NULL with an exception set). */
static PyObject *
sentence_key(PyObject *text, Py_UCS4 *buffer)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text), written = 0;
    Py_UCS4 widest = 0;
    int in_space = 1; /* at the start, spaces are stripped */
    /* A marker holds only characters that fold simply: where LIST_MARKER would take another
     * (a digit of another script), after_marker stops before it, and the loop gives None. */
    for (Py_ssize_t i = after_marker(kind, data, length); i < length; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (Py_UNICODE_ISSPACE(ch)) {
            if (!in_space)
                buffer[written++] = ' ';
            in_space = 1;
            continue;
        }
        if (ch >= 128 && !folds_to_itself(ch))
            Py_RETURN_NONE;
        in_space = 0;
        if (ch >= 'A' && ch <= 'Z')
            ch += 'a' - 'A';
        buffer[written++] = ch;
        widest = ch > widest ? ch : widest;
    }
    if (written > 0 && buffer[written - 1] == ' ')
        written--; /* strip the end */
    if (widest >= 128)
        return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buffer, written);
    PyObject *key = PyUnicode_New(written, 127);
    if (key) {
        Py_UCS1 *bytes = PyUnicode_1BYTE_DATA(key);
        for (Py_ssize_t i = 0; i < written; i++)
            bytes[i] = (Py_UCS1)buffer[i];
    }
    return key;
}

/* sentence_keys(texts) -> [key or None]: each sentence's key, where it folds simply. */
static PyObject *
sentence_keys(PyObject *module, PyObject *texts)
{
    (void)module;
    PyObject *items = PySequence_Fast(texts, "sentence_keys takes a list of str");
    if (!items)
        return NULL;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(items), longest = 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *text = PySequence_Fast_GET_ITEM(items, i);
        if (!PyUnicode_Check(text)) {
            Py_DECREF(items);
            PyErr_SetString(PyExc_TypeError, "sentence_keys takes a list of str");
            return NULL;
        }
        if (PyUnicode_GET_LENGTH(text) > longest)
            longest = PyUnicode_GET_LENGTH(text);
    }
    Py_UCS4 *buffer = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(longest + 1));
    PyObject *keys = buffer ? PyList_New(count) : NULL;
    for (Py_ssize_t i = 0; keys && i < count; i++) {
        PyObject *key = sentence_key(PySequence_Fast_GET_ITEM(items, i), buffer);
        if (!key)
            Py_CLEAR(keys);
        else
            PyList_SET_ITEM(keys, i, key);
    }
    if (!buffer)
        PyErr_NoMemory();
    PyMem_Free(buffer);
    Py_DECREF(items);
    return keys;
}

static PyMethodDef functions[] = {
    {"sentence_keys", sentence_keys, METH_O,
     "sentence_keys(texts) -> [key or None]: repetition._sentence_key of each sentence whose "
     "characters fold simply (ASCII, white space, Hangul, curly quotes, dashes), else None."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "sentence_keys",
    .m_doc = "The keys repeated-sentence compares sentences by, compiled.",
    .m_size = -1,
    .m_methods = functions,
};

PyMODINIT_FUNC
PyInit_sentence_keys(void)
{
    return PyModule_Create(&module);
}
