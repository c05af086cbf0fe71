/* The letter counts of kogloss.scripts.script_profile in one C pass.
 *
 * detect.document_language profiles every document whole (10 MB for the benchmark corpus),
 * and detect profiles each paragraph that holds Hangul, Han or Cyrillic. The Python counts
 * ASCII letters on the UTF-8 bytes and sends the rest through five regular expressions; here
 * each character is looked at once.
 *
 * script_counts(text) -> (hangul, latin, han, cyrillic, other), as script_profile counts:
 * ASCII letters are Latin; ASCII digits, punctuation and the rest are no letters; a non-ASCII
 * character is a letter where _NON_LETTERS ([\W\d_]) leaves it, that is where
 * Py_UNICODE_ISALNUM holds and Py_UNICODE_ISDECIMAL does not (the regex \w is ISALNUM or "_",
 * \d is ISDECIMAL), and its script is the range of scripts.py that holds it (the ranges do not
 * overlap), or "other".
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

enum { HANGUL, LATIN, HAN, CYRILLIC, OTHER, SCRIPTS };

/* The script of a non-ASCII letter: HANGUL_CHARS, LATIN_CHARS, HAN_CHARS and CYRILLIC_CHARS of
 * scripts.py. */
static int
script_of(Py_UCS4 ch)
{
    if ((ch >= 0xAC00 && ch <= 0xD7A3) || (ch >= 0x1100 && ch <= 0x11FF)
        || (ch >= 0x3130 && ch <= 0x318F) || (ch >= 0xA960 && ch <= 0xA97F)
        || (ch >= 0xD7B0 && ch <= 0xD7FF))
        return HANGUL;
    if ((ch >= 0x00C0 && ch <= 0x00D6) || (ch >= 0x00D8 && ch <= 0x00F6)
        || (ch >= 0x00F8 && ch <= 0x024F) || (ch >= 0x1E00 && ch <= 0x1EFF))
        return LATIN;
    if ((ch >= 0x4E00 && ch <= 0x9FFF) || (ch >= 0x3400 && ch <= 0x4DBF)
        || (ch >= 0xF900 && ch <= 0xFAFF))
        return HAN;
    if (ch >= 0x0400 && ch <= 0x052F)
        return CYRILLIC;
    return OTHER;
}

/* Adds the non-ASCII character ch to counts when it is a letter. */
static inline void
count_non_ascii(Py_UCS4 ch, Py_ssize_t *counts)
{
    if (Py_UNICODE_ISALNUM(ch) && !Py_UNICODE_ISDECIMAL(ch))
        counts[script_of(ch)]++;
}

static inline int
is_ascii_letter(Py_UCS4 ch)
{
    return (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z';
}

/* count_UCS1, _UCS2, _UCS4: the counts of s[0:n], one function per string kind so that the
 * compiler reads each character directly. */
#define DEFINE_COUNT(KIND)                                                                     \
    static void count_##KIND(const KIND *s, Py_ssize_t n, Py_ssize_t *counts)                  \
    {                                                                                          \
        Py_ssize_t ascii_letters = 0;                                                          \
        for (Py_ssize_t i = 0; i < n; i++) {                                                   \
            Py_UCS4 ch = s[i];                                                                 \
            if (ch < 128)                                                                      \
                ascii_letters += is_ascii_letter(ch);                                          \
            else                                                                               \
                count_non_ascii(ch, counts);                                                   \
        }                                                                                      \
        counts[LATIN] += ascii_letters;                                                        \
    }

DEFINE_COUNT(Py_UCS1)
DEFINE_COUNT(Py_UCS2)
DEFINE_COUNT(Py_UCS4)

static PyObject *
script_counts(PyObject *Py_UNUSED(module), PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "script_counts() takes a str");
        return NULL;
    }
    if (PyUnicode_READY(text) < 0)
        return NULL;
    Py_ssize_t counts[SCRIPTS] = {0};
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
        count_Py_UCS1(data, length, counts);
        break;
    case PyUnicode_2BYTE_KIND:
        count_Py_UCS2(data, length, counts);
        break;
    default:
        count_Py_UCS4(data, length, counts);
    }
    return Py_BuildValue("(nnnnn)", counts[HANGUL], counts[LATIN], counts[HAN],
                         counts[CYRILLIC], counts[OTHER]);
}

static PyMethodDef methods[] = {
    {"script_counts", script_counts, METH_O,
     "script_counts(text) -> (hangul, latin, han, cyrillic, other): the letters of each "
     "script, as scripts.script_profile counts them."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "scripts",
    .m_doc = "The letter counts of kogloss.scripts.script_profile, compiled.",
    .m_size = -1,
    .m_methods = methods,
};

PyMODINIT_FUNC
PyInit_scripts(void)
{
    return PyModule_Create(&module);
}
