/* The paragraph bodies and the "plain prose" test of kogloss.boilerplate.classify, in C.
 *
 * Two paragraphs in three of a release are long running text. For each, classify paid some
 * ten Python-level tests (strips, four anchored regexes, a lower-cased copy, a word count)
 * only to learn what it nearly always is: no line reason, no related-links heading, running
 * text. prepare(paragraphs, link_texts) makes every paragraph's body, as
 * boilerplate._paragraph_body does, and proves those lines plain in the same pass; classify
 * then judges only the others, as before.
 *
 * A line is called plain only when every test below proves that the Python code would find
 * it so; any doubt leaves it to the Python, so a test here may be cruder than the pattern it
 * stands for, never finer. A body is plain when all of these hold:
 *
 *   (a) its navigation body (strip(), strip("[]()<>"), strip()) is over 400 characters:
 *       _too_long_for_a_bar holds, so line_reason is _mark_tag_or_cookie_reason alone, and
 *       the body is over 150 characters, so _reads_as_running_text holds;
 *   (b) it has more than five words as boilerplate.word_count counts them: is_related_heading
 *       allows five at most (stripping white space and colons changes no word), and an
 *       _END_MARK match has one at most;
 *   (c) _TAGS cannot match: the first character does not lower-case to t, k or r (IGNORECASE
 *       compares simple lower cases; the Kelvin sign lower-cases to k) and is not 태 or 키, or
 *       the body holds no colon (":" or "："); a match needs both;
 *   (d) it does not open with "#", as every _HASHTAGS full match does;
 *   (e) no four characters in a row lower-case to "cook" (the _COOKIE_HINT test on
 *       body.lower(); of the characters whose lower case is several, only İ has one, and it
 *       holds none of c, o, k).
 *
 * Character classes are Python's: str.strip() takes Py_UNICODE_ISSPACE, and _WORD's [^\W_]
 * is Py_UNICODE_ISALNUM (the regex \w less "_").
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

/* (a): _MAX_BAR_LENGTH of boilerplate.py. */
#define MAX_BAR_LENGTH 400
/* (b): the most words is_related_heading accepts. */
#define MAX_HEADING_WORDS 5

#define HANGUL_TAE 0xD0DC      /* 태 */
#define HANGUL_KI 0xD0A4       /* 키 */
#define KELVIN_SIGN 0x212A     /* lower-cases to k */
#define FULLWIDTH_COLON 0xFF1A /* ： */

/* Made once, at import: the names of the paragraph fields read. */
static PyObject *text_name, *marker_name;

/* Py_UNICODE_ISALNUM and Py_UNICODE_TOLOWER are calls into the Unicode database; most
 * characters of a body are ASCII, answered here without one. */
static inline int
is_alnum(Py_UCS4 ch)
{
    if (ch < 128)
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
    return Py_UNICODE_ISALNUM(ch);
}

static inline Py_UCS4
to_lower(Py_UCS4 ch)
{
    if (ch < 128)
        return ch >= 'A' && ch <= 'Z' ? ch + ('a' - 'A') : ch;
    return Py_UNICODE_TOLOWER(ch);
}

static inline int
is_navigation_bracket(Py_UCS4 ch)
{
    return ch == '[' || ch == ']' || ch == '(' || ch == ')' || ch == '<' || ch == '>';
}

/* The joiners inside one _WORD match: hyphen, apostrophe, right single quotation mark. */
static inline int
is_word_joiner(Py_UCS4 ch)
{
    return ch == '-' || ch == '\'' || ch == 0x2019;
}

/* has_colon_KIND(s, n): whether s[0:n] holds ":" or "：" (c).
 * has_cook_KIND(s, n): whether four characters of s[0:n] in a row lower-case to "cook" (e): a
 * k, K or Kelvin sign after c, o, o in any case. Latin-1 text (most of it) is searched with
 * memchr, which compares many bytes at a time; it holds neither "：" nor the Kelvin sign. */
static int
has_colon_Py_UCS1(const Py_UCS1 *s, Py_ssize_t n)
{
    return memchr(s, ':', n) != NULL;
}

/* Whether the k at s[i] ends "cook": c, o, o in any case before it. */
#define ENDS_COOK(s, i)                                                                        \
    ((i) >= 3 && to_lower((s)[(i) - 1]) == 'o' && to_lower((s)[(i) - 2]) == 'o'               \
     && to_lower((s)[(i) - 3]) == 'c')

static int
has_cook_Py_UCS1(const Py_UCS1 *s, Py_ssize_t n)
{
    for (int letter = 0; letter < 2; letter++) {
        const Py_UCS1 *at = s, *stop = s + n;
        while ((at = memchr(at, letter ? 'K' : 'k', stop - at)) != NULL) {
            if (ENDS_COOK(s, at - s))
                return 1;
            at++;
        }
    }
    return 0;
}

#define DEFINE_WIDE_SEARCHES(KIND)                                                             \
    static int has_colon_##KIND(const KIND *s, Py_ssize_t n)                                   \
    {                                                                                          \
        for (Py_ssize_t i = 0; i < n; i++)                                                     \
            if (s[i] == ':' || s[i] == FULLWIDTH_COLON)                                        \
                return 1;                                                                      \
        return 0;                                                                              \
    }                                                                                          \
    static int has_cook_##KIND(const KIND *s, Py_ssize_t n)                                    \
    {                                                                                          \
        for (Py_ssize_t i = 0; i < n; i++)                                                     \
            if ((s[i] == 'k' || s[i] == 'K' || s[i] == KELVIN_SIGN) && ENDS_COOK(s, i))        \
                return 1;                                                                      \
        return 0;                                                                              \
    }

DEFINE_WIDE_SEARCHES(Py_UCS2)
DEFINE_WIDE_SEARCHES(Py_UCS4)

/* is_plain_UCS1, _UCS2, _UCS4: whether the body s[0:n] is plain prose as the header says,
 * one function per string kind so that the compiler reads each character directly. */
#define DEFINE_IS_PLAIN(KIND)                                                                  \
    static int is_plain_##KIND(const KIND *s, Py_ssize_t n)                                    \
    {                                                                                          \
        /* (a) The navigation body's length, from both ends inwards. */                        \
        Py_ssize_t first = 0, end = n;                                                         \
        while (first < end && Py_UNICODE_ISSPACE(s[first]))                                    \
            first++;                                                                           \
        while (end > first && Py_UNICODE_ISSPACE(s[end - 1]))                                 \
            end--;                                                                             \
        while (first < end && is_navigation_bracket(s[first]))                                 \
            first++;                                                                           \
        while (end > first && is_navigation_bracket(s[end - 1]))                               \
            end--;                                                                             \
        while (first < end && Py_UNICODE_ISSPACE(s[first]))                                    \
            first++;                                                                           \
        while (end > first && Py_UNICODE_ISSPACE(s[end - 1]))                                  \
            end--;                                                                             \
        if (end - first <= MAX_BAR_LENGTH)                                                     \
            return 0;                                                                          \
        /* (d), and whether the first character lets (c) match. */                             \
        Py_UCS4 opening = s[0], opening_lower = to_lower(opening);                             \
        if (opening == '#')                                                                    \
            return 0;                                                                          \
        int may_be_tags = opening_lower == 't' || opening_lower == 'k' || opening_lower == 'r' \
                          || opening == HANGUL_TAE || opening == HANGUL_KI;                    \
        /* (b), in the first characters as a rule. _WORD's matches are counted as the body \
         * is read: a match is alphanumerics, then any number of (joiner, alphanumerics);    \
         * in_word is 0 outside one, 1 after one of its alphanumerics, 2 after a joiner that \
         * follows one (the match goes on if an alphanumeric comes next). */                 \
        Py_ssize_t words = 0;                                                                  \
        int in_word = 0;                                                                       \
        for (Py_ssize_t i = 0; i < n && words <= MAX_HEADING_WORDS; i++) {                     \
            if (is_alnum(s[i])) {                                                              \
                words += in_word == 0;                                                         \
                in_word = 1;                                                                   \
            }                                                                                  \
            else                                                                               \
                in_word = in_word == 1 && is_word_joiner(s[i]) ? 2 : 0;                        \
        }                                                                                      \
        if (words <= MAX_HEADING_WORDS)                                                        \
            return 0;                                                                          \
        /* (c) and (e) over the whole body. */                                                \
        if (may_be_tags && has_colon_##KIND(s, n))                                             \
            return 0;                                                                          \
        return !has_cook_##KIND(s, n);                                                         \
    }

DEFINE_IS_PLAIN(Py_UCS1)
DEFINE_IS_PLAIN(Py_UCS2)
DEFINE_IS_PLAIN(Py_UCS4)

static int
is_plain(PyObject *body)
{
    const void *data = PyUnicode_DATA(body);
    Py_ssize_t length = PyUnicode_GET_LENGTH(body);
    switch (PyUnicode_KIND(body)) {
    case PyUnicode_1BYTE_KIND:
        return is_plain_Py_UCS1(data, length);
    case PyUnicode_2BYTE_KIND:
        return is_plain_Py_UCS2(data, length);
    default:
        return is_plain_Py_UCS4(data, length);
    }
}

/* Whether "](" is in data[first:length] (a string of this kind). Latin-1 text is searched for
 * "]" with memchr, which compares many bytes at a time (PyUnicode_Find took as long as the
 * rest of prepare). */
static int
may_hold_link(int kind, const void *data, Py_ssize_t first, Py_ssize_t length)
{
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *text = data, *at = text + first, *stop = text + length;
        while ((at = memchr(at, ']', stop - at)) != NULL) {
            if (++at < stop && *at == '(')
                return 1;
        }
        return 0;
    }
    for (Py_ssize_t i = first; i + 1 < length; i++)
        if (PyUnicode_READ(kind, data, i) == ']' && PyUnicode_READ(kind, data, i + 1) == '(')
            return 1;
    return 0;
}

/* boilerplate._paragraph_body of a paragraph with this text and marker: text[len(marker):]
 * stripped, or link_texts of that slice where it may hold a Markdown link ("](" in it). */
static PyObject *
paragraph_body(PyObject *text, PyObject *marker, PyObject *link_texts)
{
    if (!PyUnicode_Check(text) || !PyUnicode_Check(marker)) {
        PyErr_SetString(PyExc_TypeError, "a paragraph's text and marker must be str");
        return NULL;
    }
    if (PyUnicode_READY(text) < 0 || PyUnicode_READY(marker) < 0)
        return NULL;
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    Py_ssize_t first = PyUnicode_GET_LENGTH(marker);
    if (first > length)
        first = length;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    if (may_hold_link(kind, data, first, length)) {
        PyObject *rest = PyUnicode_Substring(text, first, length);
        if (!rest)
            return NULL;
        PyObject *body = PyObject_CallOneArg(link_texts, rest);
        Py_DECREF(rest);
        return body;
    }
    Py_ssize_t end = length;
    while (first < end && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, first)))
        first++;
    while (end > first && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, end - 1)))
        end--;
    /* The text itself when nothing is cut off, as the slice and strip() give it back. */
    return PyUnicode_Substring(text, first, end);
}

static PyObject *
prepare(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "prepare() takes paragraphs and link_texts");
        return NULL;
    }
    PyObject *paragraphs = PySequence_Fast(args[0], "prepare() takes a sequence of paragraphs");
    if (!paragraphs)
        return NULL;
    PyObject *link_texts = args[1];
    Py_ssize_t count = PySequence_Fast_GET_SIZE(paragraphs);
    PyObject *bodies = PyList_New(count);
    PyObject *doubtful = PyList_New(0);
    if (!bodies || !doubtful)
        goto error;
    for (Py_ssize_t index = 0; index < count; index++) {
        PyObject *paragraph = PySequence_Fast_GET_ITEM(paragraphs, index);
        PyObject *text = PyObject_GetAttr(paragraph, text_name);
        if (!text)
            goto error;
        PyObject *marker = PyObject_GetAttr(paragraph, marker_name);
        if (!marker) {
            Py_DECREF(text);
            goto error;
        }
        PyObject *body = paragraph_body(text, marker, link_texts);
        Py_DECREF(text);
        Py_DECREF(marker);
        if (!body)
            goto error;
        PyList_SET_ITEM(bodies, index, body); /* the list takes the reference */
        if (!PyUnicode_Check(body)) {
            PyErr_SetString(PyExc_TypeError, "link_texts must return a str");
            goto error;
        }
        if (is_plain(body))
            continue;
        PyObject *number = PyLong_FromSsize_t(index);
        if (!number)
            goto error;
        int appended = PyList_Append(doubtful, number);
        Py_DECREF(number);
        if (appended < 0)
            goto error;
    }
    Py_DECREF(paragraphs);
    PyObject *result = PyTuple_Pack(2, bodies, doubtful);
    Py_DECREF(bodies);
    Py_DECREF(doubtful);
    return result;
error:
    Py_DECREF(paragraphs);
    Py_XDECREF(bodies);
    Py_XDECREF(doubtful);
    return NULL;
}

static PyMethodDef methods[] = {
    {"prepare", (PyCFunction)(void (*)(void))prepare, METH_FASTCALL,
     "prepare(paragraphs, link_texts) -> (bodies, doubtful): each paragraph's body, as "
     "boilerplate._paragraph_body makes it (link_texts is called where a Markdown link may "
     "be), and the indexes, in order, of the bodies that classify must judge: the others are "
     "surely plain prose (no line reason, no related-links heading, running text)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "boilerplate",
    .m_doc = "Paragraph bodies and the plain-prose test of kogloss.boilerplate.classify.",
    .m_size = -1,
    .m_methods = methods,
};

PyMODINIT_FUNC
PyInit_boilerplate(void)
{
    if (!text_name && !(text_name = PyUnicode_InternFromString("text")))
        return NULL;
    if (!marker_name && !(marker_name = PyUnicode_InternFromString("marker")))
        return NULL;
    return PyModule_Create(&module);
}
