/* kogloss._native.runs: the near-variant rule's runs of capitalised words, found in one pass.
 *
 * The pure Python reference is in kogloss/check/variants.py: runs(text) returns what
 * _python_runs(text) returns, and tally(text, known_starts, known_ends) the counts that
 * _python_run_tally counts, key for key and in the same order of first use. Every rule of
 * that file's patterns is restated here; keep the two in step (tests/test_native_runs.py
 * compares them on generated text).
 *
 * A run (the pattern _RUNS_APART) is
 *
 *     [A-Z] not after [A-Za-z0-9'’-], then AFTER_CAPITAL,
 *     then any number of: GAP, optionally ("of" or "for") and GAP, then [A-Z] AFTER_CAPITAL,
 *     then optionally: GAP and a TAIL,
 *
 * where AFTER_CAPITAL is [A-Za-z0-9]* then any number of ['’-][A-Za-z0-9]+ (all possessive:
 * taken as far as they go), GAP is [ \t\u00a0]* \n? [ \t\u00a0]* holding at least one
 * character, and TAIL is three or more of [a-z] not followed by [A-Za-z0-9'’-]. Runs are
 * found left to right, each search starting where the last run ended, as re.split does.
 *
 * A run is flagged "^" (it opens a sentence) where the text between the previous run (or
 * the start) and it, less trailing [ \t\u00a0], ends in one of .!?:;"“”([ and a line break,
 * or where that text is empty for the first run; else " ". Runs starting on a headline or a
 * title-case line (_excluded_lines, _is_title) are dropped after flagging.
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#if defined(_MSC_VER)
#define FORCE_INLINE static __forceinline
#else
#define FORCE_INLINE static inline __attribute__((always_inline))
#endif

#define RIGHT_QUOTE 0x2019 /* ’ */
#define LEFT_DOUBLE_QUOTE 0x201C /* “ */
#define RIGHT_DOUBLE_QUOTE 0x201D /* ” */
#define NBSP 0x00A0
#define MIN_TITLE_WORDS 3

/* The text being scanned. Every function taking one is inlined into a copy per kind of
 * string (1, 2 or 4 bytes a character), so that reading a character is one load. */
typedef struct {
    int kind;
    const void *data;
    Py_ssize_t length;
} Text;

FORCE_INLINE Py_UCS4 at(const Text *t, Py_ssize_t i) {
    switch (t->kind) {
    case PyUnicode_1BYTE_KIND:
        return ((const Py_UCS1 *)t->data)[i];
    case PyUnicode_2BYTE_KIND:
        return ((const Py_UCS2 *)t->data)[i];
    default:
        return ((const Py_UCS4 *)t->data)[i];
    }
}

FORCE_INLINE int is_upper(Py_UCS4 c) { return c >= 'A' && c <= 'Z'; }
FORCE_INLINE int is_lower(Py_UCS4 c) { return c >= 'a' && c <= 'z'; }
FORCE_INLINE int is_letter(Py_UCS4 c) { return is_upper(c) || is_lower(c); }
FORCE_INLINE int is_alnum(Py_UCS4 c) { return is_letter(c) || (c >= '0' && c <= '9'); }
/* [A-Za-z0-9'’\-]: what a run may not start after, nor a tail be followed by. */
FORCE_INLINE int is_wordish(Py_UCS4 c) {
    return is_alnum(c) || c == '\'' || c == RIGHT_QUOTE || c == '-';
}
FORCE_INLINE int is_space(Py_UCS4 c) { return c == ' ' || c == '\t' || c == NBSP; }
/* _OPENING_FLAGS */
FORCE_INLINE int opens(Py_UCS4 c) {
    switch (c) {
    case '.': case '!': case '?': case ':': case ';': case '"': case '(': case '[': case '\n':
    case LEFT_DOUBLE_QUOTE: case RIGHT_DOUBLE_QUOTE:
        return 1;
    default:
        return 0;
    }
}

/* The end of _AFTER_CAPITAL from i. */
FORCE_INLINE Py_ssize_t after_capital(const Text *t, Py_ssize_t i) {
    Py_ssize_t n = t->length;
    while (i < n && is_alnum(at(t, i)))
        i++;
    for (;;) {
        if (i + 1 < n) {
            Py_UCS4 c = at(t, i);
            if ((c == '\'' || c == RIGHT_QUOTE || c == '-') && is_alnum(at(t, i + 1))) {
                i += 2;
                while (i < n && is_alnum(at(t, i)))
                    i++;
                continue;
            }
        }
        return i;
    }
}

/* The end of _GAP from i, or -1 where none starts there. */
FORCE_INLINE Py_ssize_t gap(const Text *t, Py_ssize_t i) {
    Py_ssize_t n = t->length;
    if (i >= n)
        return -1;
    Py_UCS4 c = at(t, i);
    if (!is_space(c) && c != '\n')
        return -1;
    while (i < n && is_space(at(t, i)))
        i++;
    if (i < n && at(t, i) == '\n')
        i++;
    while (i < n && is_space(at(t, i)))
        i++;
    return i;
}

/* The end of the run (with its tail) whose first capital is at `start`. */
FORCE_INLINE Py_ssize_t run_end(const Text *t, Py_ssize_t start) {
    Py_ssize_t n = t->length;
    Py_ssize_t i = after_capital(t, start + 1);
    for (;;) {
        Py_ssize_t j = gap(t, i);
        if (j < 0)
            break;
        Py_ssize_t k = -1;
        if (j + 1 < n && at(t, j) == 'o' && at(t, j + 1) == 'f')
            k = j + 2;
        else if (j + 2 < n && at(t, j) == 'f' && at(t, j + 1) == 'o' && at(t, j + 2) == 'r')
            k = j + 3;
        if (k >= 0) {
            Py_ssize_t word = gap(t, k);
            if (word >= 0 && word < n && is_upper(at(t, word))) {
                i = after_capital(t, word + 1);
                continue;
            }
        }
        if (j < n && is_upper(at(t, j))) {
            i = after_capital(t, j + 1);
            continue;
        }
        break;
    }
    Py_ssize_t j = gap(t, i);
    if (j >= 0) {
        Py_ssize_t q = j;
        while (q < n && is_lower(at(t, q)))
            q++;
        if (q - j >= 3 && !(q < n && is_wordish(at(t, q))))
            i = q;
    }
    return i;
}

/* Whether the line [start, end) holds a prose word (_PROSE_WORD): four of [a-z] not after
 * [A-Za-z]. */
FORCE_INLINE int has_prose_word(const Text *t, Py_ssize_t start, Py_ssize_t end) {
    for (Py_ssize_t p = start; p + 4 <= end; p++) {
        if (p > start && is_letter(at(t, p - 1)))
            continue;
        if (is_lower(at(t, p)) && is_lower(at(t, p + 1)) && is_lower(at(t, p + 2)) &&
            is_lower(at(t, p + 3)))
            return 1;
    }
    return 0;
}

/* _is_title on the line [start, end): a headline (no [a-z], two of [A-Z] in a row) or at
 * least three _LONG_WORD matches ([A-Za-z][a-z]{3,} or [A-Z]{4,}, found as findall does),
 * each starting with a capital. */
FORCE_INLINE int is_title(const Text *t, Py_ssize_t start, Py_ssize_t end) {
    int lower = 0, capitals = 0;
    for (Py_ssize_t p = start; p < end; p++) {
        Py_UCS4 c = at(t, p);
        if (is_lower(c)) {
            lower = 1;
            break;
        }
        if (p + 1 < end && is_upper(c) && is_upper(at(t, p + 1)))
            capitals = 1;
    }
    if (!lower && capitals)
        return 1;
    Py_ssize_t words = 0;
    Py_ssize_t p = start;
    while (p < end) {
        Py_UCS4 c = at(t, p);
        if (is_letter(c)) {
            Py_ssize_t q = p + 1;
            while (q < end && is_lower(at(t, q)))
                q++;
            if (q - p - 1 >= 3) {
                if (!is_upper(c))
                    return 0;
                words++;
                p = q;
                continue;
            }
            if (is_upper(c)) {
                q = p;
                while (q < end && is_upper(at(t, q)))
                    q++;
                if (q - p >= 4) {
                    words++;
                    p = q;
                    continue;
                }
            }
        }
        p++;
    }
    return words >= MIN_TITLE_WORDS;
}

/* What is done with each run kept: it is passed its start, end and opening flag. */
typedef int (*Emit)(void *sink, const Text *t, Py_ssize_t start, Py_ssize_t end, int opening);

/* Finds the runs of the text and emits those not on an excluded line; -1 on an error. */
FORCE_INLINE int scan(const Text *t, Emit emit, void *sink) {
    Py_ssize_t n = t->length;
    Py_ssize_t previous_end = 0; /* where the last run ended (kept or not) */
    int first = 1;
    /* The line holding the last run start looked at: [line_start, line_end), line_end at
     * its line break or the end of the text; line_end < 0 before the first. */
    Py_ssize_t line_start = 0, line_end = -1;
    int excluded = 0;
    Py_ssize_t i = 0;
    while (i < n) {
        Py_UCS4 c = at(t, i);
        if (!is_upper(c) || (i > 0 && is_wordish(at(t, i - 1)))) {
            i++;
            continue;
        }
        Py_ssize_t start = i;
        Py_ssize_t end = run_end(t, start);
        /* The opening flag, from the text since the previous run. */
        Py_ssize_t before = start;
        while (before > previous_end && is_space(at(t, before - 1)))
            before--;
        int opening = before == previous_end ? first : opens(at(t, before - 1));
        first = 0;
        previous_end = end;
        i = end;
        if (start > line_end) {
            Py_ssize_t from = line_end < 0 ? 0 : line_end + 1;
            for (;;) {
                Py_ssize_t stop = from;
                while (stop < n && at(t, stop) != '\n')
                    stop++;
                if (stop >= start) {
                    line_start = from;
                    line_end = stop;
                    break;
                }
                from = stop + 1;
            }
            excluded = !has_prose_word(t, line_start, line_end) &&
                       is_title(t, line_start, line_end);
        }
        if (!excluded && emit(sink, t, start, end, opening) < 0)
            return -1;
    }
    return 0;
}

static int scan_text(PyObject *text, Emit emit, void *sink) {
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(text) < 0)
        return -1;
#endif
    Text t = {PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text)};
    switch (t.kind) {
    case PyUnicode_1BYTE_KIND:
        t.kind = PyUnicode_1BYTE_KIND;
        return scan(&t, emit, sink);
    case PyUnicode_2BYTE_KIND:
        t.kind = PyUnicode_2BYTE_KIND;
        return scan(&t, emit, sink);
    default:
        t.kind = PyUnicode_4BYTE_KIND;
        return scan(&t, emit, sink);
    }
}

/* ---- runs(text) ---------------------------------------------------------------------- */

static PyObject *OPENING; /* "^" */
static PyObject *INSIDE;  /* " " */

typedef struct {
    PyObject *text, *starts, *ends, *runs, *flags;
} Columns;

static int append_new(PyObject *list, PyObject *item) {
    if (item == NULL)
        return -1;
    int status = PyList_Append(list, item);
    Py_DECREF(item);
    return status;
}

static int emit_columns(void *sink, const Text *t, Py_ssize_t start, Py_ssize_t end,
                        int opening) {
    (void)t;
    Columns *c = sink;
    if (append_new(c->starts, PyLong_FromSsize_t(start)) < 0 ||
        append_new(c->ends, PyLong_FromSsize_t(end)) < 0 ||
        append_new(c->runs, PyUnicode_Substring(c->text, start, end)) < 0 ||
        PyList_Append(c->flags, opening ? OPENING : INSIDE) < 0)
        return -1;
    return 0;
}

static PyObject *runs(PyObject *module, PyObject *text) {
    (void)module;
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "runs() takes a str");
        return NULL;
    }
    Columns c = {text, PyList_New(0), PyList_New(0), PyList_New(0), PyList_New(0)};
    PyObject *result = NULL;
    if (c.starts && c.ends && c.runs && c.flags && scan_text(text, emit_columns, &c) == 0)
        result = PyTuple_Pack(4, c.starts, c.ends, c.runs, c.flags);
    Py_XDECREF(c.starts);
    Py_XDECREF(c.ends);
    Py_XDECREF(c.runs);
    Py_XDECREF(c.flags);
    return result;
}

/* ---- tally(text, known_starts, known_ends) ------------------------------------------- */

typedef struct {
    PyObject *counts;    /* key -> count, in order of first use */
    const char *cover;   /* _known_cover of the text, or NULL without known spans */
    Py_UCS4 *buffer;     /* room for the longest key */
    Py_ssize_t capacity; /* of buffer, in characters */
} Tally;

static int emit_key(void *sink, const Text *t, Py_ssize_t start, Py_ssize_t end, int opening) {
    Tally *tally = sink;
    Py_ssize_t width = end - start;
    Py_ssize_t size = 2 + width + (tally->cover ? width : 0);
    if (size > tally->capacity) {
        Py_ssize_t capacity = size * 2;
        Py_UCS4 *buffer = PyMem_Realloc(tally->buffer, capacity * sizeof(Py_UCS4));
        if (buffer == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        tally->buffer = buffer;
        tally->capacity = capacity;
    }
    /* The opening flag, the run, NUL, and the cover under the run, as one string. */
    Py_UCS4 *key = tally->buffer;
    key[0] = opening ? '^' : ' ';
    Py_UCS4 widest = '^';
    for (Py_ssize_t i = 0; i < width; i++) {
        Py_UCS4 c = at(t, start + i);
        key[1 + i] = c;
        if (c > widest)
            widest = c;
    }
    key[1 + width] = 0;
    if (tally->cover)
        for (Py_ssize_t i = 0; i < width; i++)
            key[2 + width + i] = (Py_UCS4)tally->cover[start + i];
    PyObject *text = PyUnicode_New(size, widest);
    if (text == NULL)
        return -1;
    int kind = PyUnicode_KIND(text);
    void *data = PyUnicode_DATA(text);
    for (Py_ssize_t i = 0; i < size; i++)
        PyUnicode_WRITE(kind, data, i, key[i]);
    PyObject *count = PyDict_GetItemWithError(tally->counts, text);
    int status;
    if (count != NULL) {
        PyObject *more = PyLong_FromSsize_t(PyLong_AsSsize_t(count) + 1);
        status = more == NULL ? -1 : PyDict_SetItem(tally->counts, text, more);
        Py_XDECREF(more);
    } else if (PyErr_Occurred()) {
        status = -1;
    } else {
        PyObject *one = PyLong_FromLong(1);
        status = PyDict_SetItem(tally->counts, text, one);
        Py_DECREF(one);
    }
    Py_DECREF(text);
    return status;
}

/* Reads a sequence of offsets into a new C array; -1 on an error. */
static int offsets(PyObject *sequence, Py_ssize_t **values, Py_ssize_t *length) {
    PyObject *fast = PySequence_Fast(sequence, "the known spans must be sequences of ints");
    if (fast == NULL)
        return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    PyObject **items = PySequence_Fast_ITEMS(fast);
    *values = PyMem_Malloc((n ? n : 1) * sizeof(Py_ssize_t));
    if (*values == NULL) {
        Py_DECREF(fast);
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        (*values)[i] = PyLong_AsSsize_t(items[i]);
        if ((*values)[i] == -1 && PyErr_Occurred()) {
            Py_DECREF(fast);
            return -1;
        }
    }
    *length = n;
    Py_DECREF(fast);
    return 0;
}

static PyObject *tally(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    (void)module;
    if (nargs != 3 || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "tally() takes a str and two sequences of offsets");
        return NULL;
    }
    PyObject *text = args[0];
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(text) < 0)
        return NULL;
#endif
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    Py_ssize_t *starts = NULL, *ends = NULL, spans = 0, ends_length = 0;
    char *cover = NULL;
    Tally t = {NULL, NULL, NULL, 0};
    PyObject *result = NULL;
    if (offsets(args[1], &starts, &spans) < 0 || offsets(args[2], &ends, &ends_length) < 0)
        goto done;
    if (spans && spans != ends_length) {
        PyErr_SetString(PyExc_ValueError, "as many known starts as ends are needed");
        goto done;
    }
    if (spans) {
        /* _known_cover: "0" outside the spans, "2" on a span's first character, "1" on the
         * rest; a later span paints over an earlier one, as there. */
        cover = PyMem_Malloc(length ? length : 1);
        if (cover == NULL) {
            PyErr_NoMemory();
            goto done;
        }
        memset(cover, '0', length);
        for (Py_ssize_t s = 0; s < spans; s++) {
            if (starts[s] < 0 || starts[s] > ends[s] || ends[s] > length) {
                PyErr_SetString(PyExc_ValueError, "a known span lies outside the text");
                goto done;
            }
            if (ends[s] > starts[s]) {
                cover[starts[s]] = '2';
                memset(cover + starts[s] + 1, '1', ends[s] - starts[s] - 1);
            }
        }
    }
    t.counts = PyDict_New();
    t.cover = cover;
    if (t.counts == NULL || scan_text(text, emit_key, &t) < 0)
        goto done;
    result = t.counts;
    t.counts = NULL;
done:
    Py_XDECREF(t.counts);
    PyMem_Free(t.buffer);
    PyMem_Free(cover);
    PyMem_Free(starts);
    PyMem_Free(ends);
    return result;
}

static PyMethodDef methods[] = {
    {"runs", (PyCFunction)runs, METH_O,
     "runs(text) -> (starts, ends, runs, flags): what variants._python_runs(text) returns."},
    {"tally", (PyCFunction)(void (*)(void))tally, METH_FASTCALL,
     "tally(text, known_starts, known_ends) -> dict: the counts of "
     "variants._python_run_tally, in the same order."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_definition = {
    PyModuleDef_HEAD_INIT,
    .m_name = "kogloss._native.runs",
    .m_doc = "The near-variant rule's runs of capitalised words, found in one pass (see "
             "kogloss.check.variants).",
    .m_size = -1,
    .m_methods = methods,
};

PyMODINIT_FUNC PyInit_runs(void) {
    OPENING = PyUnicode_InternFromString("^");
    INSIDE = PyUnicode_InternFromString(" ");
    if (OPENING == NULL || INSIDE == NULL)
        return NULL;
    return PyModule_Create(&module_definition);
}
