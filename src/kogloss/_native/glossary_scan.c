/* The English glossary search of kogloss.glossary.index in one C pass.
 *
 * An Aho-Corasick automaton over code points finds every occurrence of every key (as
 * pyahocorasick does), and each raw hit is checked for word boundaries and spelling here,
 * where the Python loop paid an interpreter round per hit: a 10 MB corpus has some 300,000
 * raw hits, of which 40% are short keys inside longer words ("un" in "under"). What it
 * returns is exactly what index.PythonScanner.hits returns, and the property tests compare
 * the two.
 *
 * The automaton is a full transition table (a DFA) over classes of characters: each character
 * found in a key has a class of its own, every other character shares class 0, which leads
 * back to the root. 5,000 entries make some 76,000 states and 40 classes, 12 MB, built in a
 * few milliseconds; the scan is then one table read per character.
 *
 * The text is read as the index reads it: every white-space character a space, and for a
 * scanner that folds case, in lower case. str.lower maps each character as
 * Py_UNICODE_TOLOWER does except two, whose lower case depends on their neighbours or is two
 * characters long (a capital sigma, a dotted capital I): any other text is lowered here as
 * it is read; for one holding either, `hits` and `search` return None, and Python calls them
 * again with the text's lower case.
 *
 * Scanner(values, folds_case, probes): values maps each key (a form in lower case, or as
 * written when folds_case is false, white space made one space) to (length, left_bounded,
 * right_bounded, by_spelling, otherwise), as index._english_key makes it. Probes are strings
 * whose presence anywhere in the text `search` reports (the literals that variant patterns
 * need, so that a pattern's regex runs only over the texts that hold its literal, with no
 * separate search of each text for each literal). A table that would take more than
 * max_table_bytes (128 MiB: some 40,000 entries like the benchmark's) raises MemoryError, and
 * the index falls back to the pure Python scanner, whose memory grows with the keys alone.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

/* A trie edge while keys are added: each node's edges form a linked list. */
typedef struct {
    int32_t class_;
    int32_t child;
    int32_t next;
} BuildEdge;

typedef struct {
    PyObject_HEAD
    int folds_case;
    Py_ssize_t class_count;
    int32_t ascii_class[128];
    int32_t ascii_read_class[128]; /* the class of an ASCII character of a text, made a space
                                      if white space and lowered if the scanner folds case */
    Py_UCS4 *wide_chars;  /* the non-ASCII characters of the keys, sorted */
    int32_t *wide_class;  /* and their classes */
    Py_ssize_t wide_count;
    Py_ssize_t row_width; /* the classes, rounded up to an even number */
    Py_ssize_t max_table_bytes; /* the most the table may take (MemoryError past it) */
    int32_t *delta;       /* delta[row + class], where a state's row is state * row_width:
                             the next state's row, plus 1 where a key ends there */
    int32_t *reported;    /* per state: the first state on its fail chain (itself included)
                             where a key ends, or -1 */
    int32_t *key_at;      /* per state: the key that ends there, or -1 */
    int32_t *probe_at;    /* per state: the probe that ends there, or -1 */
    int32_t *next_reported; /* per state where a key ends: the next such on its fail chain */
    Py_ssize_t key_count;
    Py_ssize_t probe_count;
    Py_ssize_t *key_length;
    unsigned char *key_bounded; /* bit 0: left bounded, bit 1: right bounded */
    PyObject **by_spelling;     /* per key: the dict of spellings (borrowed from values) */
    PyObject **sole_spelling;   /* per key: its one spelling when the dict has one, or NULL */
    PyObject **sole_ranks;      /* per key: that spelling's ranks */
    PyObject **otherwise;       /* per key: the ranks for any other spelling */
    PyObject *values;           /* the list of value tuples, holding the objects above */
} Scanner;

static void
scanner_free_arrays(Scanner *self)
{
    PyMem_Free(self->wide_chars);
    PyMem_Free(self->wide_class);
    PyMem_Free(self->delta);
    PyMem_Free(self->reported);
    PyMem_Free(self->key_at);
    PyMem_Free(self->probe_at);
    PyMem_Free(self->next_reported);
    PyMem_Free(self->key_length);
    PyMem_Free(self->key_bounded);
    PyMem_Free(self->by_spelling);
    PyMem_Free(self->sole_spelling);
    PyMem_Free(self->sole_ranks);
    PyMem_Free(self->otherwise);
    self->wide_chars = NULL;
    self->wide_class = self->delta = self->reported = self->key_at = self->next_reported = NULL;
    self->probe_at = NULL;
    self->key_length = NULL;
    self->key_bounded = NULL;
    self->by_spelling = self->sole_spelling = self->sole_ranks = self->otherwise = NULL;
    self->key_count = self->probe_count = self->wide_count = 0;
}

static void
scanner_dealloc(Scanner *self)
{
    scanner_free_arrays(self);
    Py_CLEAR(self->values);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* The class of a character: its own where a key holds it, else 0. */
static inline int32_t
class_of(const Scanner *self, Py_UCS4 ch)
{
    if (ch < 128)
        return self->ascii_class[ch];
    Py_ssize_t low = 0, high = self->wide_count;
    while (low < high) {
        Py_ssize_t middle = (low + high) / 2;
        if (self->wide_chars[middle] < ch)
            low = middle + 1;
        else
            high = middle;
    }
    return low < self->wide_count && self->wide_chars[low] == ch ? self->wide_class[low] : 0;
}

/* Unpacks the value of one key into the per-key arrays; 0, or -1 with an exception set. The
 * value's length must be the key's own: a hit's start is worked out from it, and a longer one
 * would read before the text. */
static int
scanner_set_key(Scanner *self, Py_ssize_t key, PyObject *text, PyObject *value)
{
    if (!PyTuple_Check(value) || PyTuple_GET_SIZE(value) != 5 ||
        !PyDict_Check(PyTuple_GET_ITEM(value, 3)) || !PyTuple_Check(PyTuple_GET_ITEM(value, 4))) {
        PyErr_SetString(PyExc_TypeError,
                        "a value is (length, left_bounded, right_bounded, dict, tuple)");
        return -1;
    }
    Py_ssize_t length = PyLong_AsSsize_t(PyTuple_GET_ITEM(value, 0));
    if (length != PyUnicode_GET_LENGTH(text)) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ValueError, "a value's length is not its key's");
        return -1;
    }
    int left = PyObject_IsTrue(PyTuple_GET_ITEM(value, 1));
    int right = PyObject_IsTrue(PyTuple_GET_ITEM(value, 2));
    if (left < 0 || right < 0)
        return -1;
    PyObject *spellings = PyTuple_GET_ITEM(value, 3);
    self->key_length[key] = length;
    self->key_bounded[key] = (unsigned char)(left | (right << 1));
    self->by_spelling[key] = spellings;
    self->otherwise[key] = PyTuple_GET_ITEM(value, 4);
    self->sole_spelling[key] = NULL;
    self->sole_ranks[key] = NULL;
    if (PyDict_GET_SIZE(spellings) == 1) {
        Py_ssize_t position = 0;
        PyObject *spelling, *ranks;
        PyDict_Next(spellings, &position, &spelling, &ranks);
        if (PyUnicode_Check(spelling) && PyTuple_Check(ranks)) {
            self->sole_spelling[key] = spelling;
            self->sole_ranks[key] = ranks;
        }
    }
    return 0;
}

static int
compare_chars(const void *a, const void *b)
{
    Py_UCS4 x = *(const Py_UCS4 *)a, y = *(const Py_UCS4 *)b;
    return (x > y) - (x < y);
}

/* Gives each character of the keys a class; 0, or -1 with an exception set. */
static int
assign_classes(Scanner *self, PyObject *words, Py_ssize_t characters)
{
    memset(self->ascii_class, 0, sizeof(self->ascii_class));
    Py_UCS4 *wide = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(characters + 1));
    if (!wide) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t wide_count = 0;
    int32_t classes = 1;
    for (Py_ssize_t word = 0; word < PyList_GET_SIZE(words); word++) {
        PyObject *text = PyList_GET_ITEM(words, word);
        int kind = PyUnicode_KIND(text);
        const void *data = PyUnicode_DATA(text);
        for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(text); i++) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, i);
            if (ch >= 128)
                wide[wide_count++] = ch;
            else if (!self->ascii_class[ch])
                self->ascii_class[ch] = classes++;
        }
    }
    qsort(wide, (size_t)wide_count, sizeof(Py_UCS4), compare_chars);
    Py_ssize_t distinct = 0;
    for (Py_ssize_t i = 0; i < wide_count; i++)
        if (distinct == 0 || wide[distinct - 1] != wide[i])
            wide[distinct++] = wide[i];
    self->wide_chars = wide;
    self->wide_count = distinct;
    self->wide_class = PyMem_Malloc(sizeof(int32_t) * (size_t)(distinct + 1));
    if (!self->wide_class) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < distinct; i++)
        self->wide_class[i] = classes++;
    self->class_count = classes;
    for (Py_UCS4 ch = 0; ch < 128; ch++) {
        Py_UCS4 read = Py_UNICODE_ISSPACE(ch) ? ' ' : ch;
        if (self->folds_case && read >= 'A' && read <= 'Z')
            read += 'a' - 'A';
        self->ascii_read_class[ch] = self->ascii_class[read];
    }
    return 0;
}

/* Adds every word (the keys, then the probes) to a linked trie (edges by class); its state
 * count, or -1. */
static Py_ssize_t
build_trie(Scanner *self, PyObject *words, Py_ssize_t characters, BuildEdge **edges_out,
           int32_t **first_out)
{
    BuildEdge *edges = PyMem_Malloc(sizeof(BuildEdge) * (size_t)(characters + 1));
    int32_t *first = PyMem_Malloc(sizeof(int32_t) * (size_t)(characters + 1));
    self->key_at = PyMem_Malloc(sizeof(int32_t) * (size_t)(characters + 1));
    self->probe_at = PyMem_Malloc(sizeof(int32_t) * (size_t)(characters + 1));
    if (!edges || !first || !self->key_at || !self->probe_at) {
        PyMem_Free(edges);
        PyMem_Free(first);
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t states = 1, edge_count = 0;
    first[0] = -1;
    self->key_at[0] = self->probe_at[0] = -1;
    for (Py_ssize_t word = 0; word < PyList_GET_SIZE(words); word++) {
        PyObject *text = PyList_GET_ITEM(words, word);
        int kind = PyUnicode_KIND(text);
        const void *data = PyUnicode_DATA(text);
        int32_t state = 0;
        for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(text); i++) {
            int32_t class_ = class_of(self, PyUnicode_READ(kind, data, i));
            int32_t edge = first[state];
            while (edge >= 0 && edges[edge].class_ != class_)
                edge = edges[edge].next;
            if (edge >= 0) {
                state = edges[edge].child;
                continue;
            }
            edges[edge_count] = (BuildEdge){class_, (int32_t)states, first[state]};
            first[state] = (int32_t)edge_count++;
            first[states] = -1;
            self->key_at[states] = self->probe_at[states] = -1;
            state = (int32_t)states++;
        }
        /* keys are distinct (dict keys), and so are probes; a probe may equal a key */
        if (word < self->key_count)
            self->key_at[state] = (int32_t)word;
        else
            self->probe_at[state] = (int32_t)(word - self->key_count);
    }
    *edges_out = edges;
    *first_out = first;
    return states;
}

/* The table holds the offsets of rows, not state numbers, so that the scan's chain from one
 * character to the next is a load and an add, with no multiplication; the rows are an even
 * number of cells wide, which leaves the low bit of an offset to mark a transition to a state
 * where a key ends: the scan looks up the keys only then, with no second load per
 * character. */
#define REPORTS 1

/* The transition table and the chains of states where keys end, breadth first: a state's
 * row is its fail state's row (complete, being nearer the root) with its own edges over it.
 * States are numbered in breadth-first order, so that the shallow ones, which nearly every
 * character of a text leads to, share a few hundred kilobytes of the table and stay cached. */
static int
build_table(Scanner *self, Py_ssize_t states, const BuildEdge *edges, const int32_t *first)
{
    Py_ssize_t width = self->row_width = self->class_count + (self->class_count & 1);
    if ((double)states * (double)width >= (double)INT32_MAX ||
        (double)states * (double)width * sizeof(int32_t) > (double)self->max_table_bytes) {
        PyErr_Format(PyExc_MemoryError,
                     "the transition table of %zd states and %zd classes would pass %zd bytes",
                     states, width, self->max_table_bytes);
        return -1;
    }
    size_t cells = (size_t)states * (size_t)width;
    self->delta = PyMem_Calloc(cells, sizeof(int32_t));
    self->reported = PyMem_Malloc(sizeof(int32_t) * (size_t)states);
    self->next_reported = PyMem_Malloc(sizeof(int32_t) * (size_t)states);
    int32_t *fail = PyMem_Malloc(sizeof(int32_t) * (size_t)states);
    int32_t *queue = PyMem_Malloc(sizeof(int32_t) * (size_t)states); /* trie numbers */
    int32_t *key_at = PyMem_Malloc(sizeof(int32_t) * (size_t)states);
    int32_t *probe_at = PyMem_Malloc(sizeof(int32_t) * (size_t)states);
    if (!self->delta || !self->reported || !self->next_reported || !fail || !queue || !key_at ||
        !probe_at) {
        PyMem_Free(fail);
        PyMem_Free(queue);
        PyMem_Free(key_at);
        PyMem_Free(probe_at);
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t tail = 1;
    fail[0] = 0;
    queue[0] = 0;
    for (Py_ssize_t state = 0; state < tail; state++) { /* `state` is breadth-first */
        int32_t *row = self->delta + (size_t)state * (size_t)width;
        if (state != 0)
            memcpy(row, self->delta + (size_t)fail[state] * (size_t)width,
                   sizeof(int32_t) * (size_t)width);
        for (int32_t edge = first[queue[state]]; edge >= 0; edge = edges[edge].next) {
            int32_t child = (int32_t)tail;
            queue[tail++] = edges[edge].child;
            /* the fail state of a child of the root is the root; else where the parent's
               fail state goes on the same class */
            fail[child] = state == 0 ? 0 : row[edges[edge].class_];
            row[edges[edge].class_] = child;
        }
        key_at[state] = self->key_at[queue[state]];
        probe_at[state] = self->probe_at[queue[state]];
        self->next_reported[state] = state == 0 ? -1 : self->reported[fail[state]];
        self->reported[state] = key_at[state] >= 0 || probe_at[state] >= 0
                                    ? (int32_t)state
                                    : self->next_reported[state];
    }
    for (size_t cell = 0; cell < cells; cell++) {
        int32_t target = self->delta[cell];
        self->delta[cell] = target * (int32_t)width + (self->reported[target] >= 0 ? REPORTS : 0);
    }
    PyMem_Free(self->key_at);
    self->key_at = key_at;
    PyMem_Free(self->probe_at);
    self->probe_at = probe_at;
    PyMem_Free(fail);
    PyMem_Free(queue);
    return 0;
}

static int
scanner_build(Scanner *self, PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = {"values", "folds_case", "probes", "max_table_bytes", NULL};
    PyObject *mapping, *probes = NULL;
    int folds_case = 1;
    Py_ssize_t max_table_bytes = (Py_ssize_t)128 << 20;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O!|pOn:Scanner", keywords, &PyDict_Type,
                                     &mapping, &folds_case, &probes, &max_table_bytes))
        return -1;
    self->max_table_bytes = max_table_bytes;
    scanner_free_arrays(self);
    Py_CLEAR(self->values);
    self->folds_case = folds_case;
    PyObject *keys = PyDict_Keys(mapping);
    if (!keys)
        return -1;
    self->values = PyDict_Values(mapping);
    if (!self->values) {
        Py_DECREF(keys);
        return -1;
    }
    Py_ssize_t count = PyList_GET_SIZE(keys);
    self->key_length = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(count + 1));
    self->key_bounded = PyMem_Malloc((size_t)(count + 1));
    self->by_spelling = PyMem_Malloc(sizeof(PyObject *) * (size_t)(count + 1));
    self->sole_spelling = PyMem_Malloc(sizeof(PyObject *) * (size_t)(count + 1));
    self->sole_ranks = PyMem_Malloc(sizeof(PyObject *) * (size_t)(count + 1));
    self->otherwise = PyMem_Malloc(sizeof(PyObject *) * (size_t)(count + 1));
    if (!self->key_length || !self->key_bounded || !self->by_spelling || !self->sole_spelling ||
        !self->sole_ranks || !self->otherwise) {
        Py_DECREF(keys);
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t characters = 0;
    for (Py_ssize_t key = 0; key < count; key++) {
        PyObject *text = PyList_GET_ITEM(keys, key);
        if (!PyUnicode_Check(text) || PyUnicode_GET_LENGTH(text) == 0) {
            Py_DECREF(keys);
            PyErr_SetString(PyExc_ValueError, "the keys are non-empty str");
            return -1;
        }
        if (scanner_set_key(self, key, text, PyList_GET_ITEM(self->values, key)) < 0) {
            Py_DECREF(keys);
            return -1;
        }
        characters += PyUnicode_GET_LENGTH(text);
    }
    self->key_count = count;
    /* the probes follow the keys in one list of words */
    if (probes) {
        PyObject *listed = PySequence_List(probes);
        PyObject *all = listed ? PySequence_Concat(keys, listed) : NULL;
        Py_XDECREF(listed);
        Py_DECREF(keys);
        if (!all)
            return -1;
        keys = all;
    }
    self->probe_count = PyList_GET_SIZE(keys) - count;
    for (Py_ssize_t word = count; word < PyList_GET_SIZE(keys); word++) {
        PyObject *text = PyList_GET_ITEM(keys, word);
        if (!PyUnicode_Check(text) || PyUnicode_GET_LENGTH(text) == 0) {
            Py_DECREF(keys);
            PyErr_SetString(PyExc_ValueError, "the probes are non-empty str");
            return -1;
        }
        characters += PyUnicode_GET_LENGTH(text);
    }
    if (characters >= INT32_MAX) {
        Py_DECREF(keys);
        PyErr_SetString(PyExc_OverflowError, "too many characters in the keys");
        return -1;
    }
    BuildEdge *edges = NULL;
    int32_t *first = NULL;
    Py_ssize_t states = -1;
    if (assign_classes(self, keys, characters) == 0)
        states = build_trie(self, keys, characters, &edges, &first);
    Py_DECREF(keys);
    if (states < 0)
        return -1;
    int status = build_table(self, states, edges, first);
    PyMem_Free(edges);
    PyMem_Free(first);
    return status;
}

/* str.isalnum of one character, with no function call for ASCII. */
static inline int
is_alnum(Py_UCS4 ch)
{
    if (ch < 128)
        return Py_ISALNUM(ch);
    return Py_UNICODE_ISALNUM(ch);
}

/* A character as the index reads it: white space is a space. */
static inline Py_UCS4
spaced(Py_UCS4 ch)
{
    return Py_UNICODE_ISSPACE(ch) ? ' ' : ch;
}

/* Whether the text from `start` on, white space made spaces, spells `spelling`. */
static inline int
spelled_as(int kind, const void *data, Py_ssize_t start, Py_ssize_t length, PyObject *spelling)
{
    if (PyUnicode_GET_LENGTH(spelling) != length)
        return 0;
    int spelling_kind = PyUnicode_KIND(spelling);
    const void *spelling_data = PyUnicode_DATA(spelling);
    for (Py_ssize_t i = 0; i < length; i++)
        if (spaced(PyUnicode_READ(kind, data, start + i)) !=
            PyUnicode_READ(spelling_kind, spelling_data, i))
            return 0;
    return 1;
}

/* The ranks a hit reports: those of its spelling in the text, or `otherwise` (borrowed). */
static PyObject *
ranks_of_hit(const Scanner *self, Py_ssize_t key, int kind, const void *data, Py_ssize_t start,
             Py_ssize_t stop)
{
    if (self->sole_spelling[key] != NULL)
        return spelled_as(kind, data, start, stop - start, self->sole_spelling[key])
                   ? self->sole_ranks[key]
                   : self->otherwise[key];
    Py_UCS4 *characters = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(stop - start + 1));
    if (!characters)
        return PyErr_NoMemory();
    for (Py_ssize_t i = start; i < stop; i++)
        characters[i - start] = spaced(PyUnicode_READ(kind, data, i));
    PyObject *written = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, characters, stop - start);
    PyMem_Free(characters);
    if (!written)
        return NULL;
    PyObject *ranks = PyDict_GetItemWithError(self->by_spelling[key], written);
    Py_DECREF(written);
    if (!ranks)
        return PyErr_Occurred() ? NULL : self->otherwise[key];
    if (!PyTuple_Check(ranks)) {
        PyErr_SetString(PyExc_TypeError, "a spelling's ranks are a tuple");
        return NULL;
    }
    return ranks;
}

/* One candidate as index._Candidate orders them: start, then the longer, then the rank. */
typedef struct {
    Py_ssize_t start;
    Py_ssize_t stop;
    long long rank;
} Candidate;

/* Where a scan puts its candidates: a list of (start, -stop, rank) tuples for `hits`, or a
 * C array for `search`, which resolves them without making a Python object each. */
typedef struct {
    PyObject *list;
    Candidate *items;
    Py_ssize_t count;
    Py_ssize_t capacity;
    unsigned char *seen; /* per probe: whether the text holds it (NULL: not asked) */
} Found;

static int
found_add(Found *found, Py_ssize_t start, Py_ssize_t stop, PyObject *rank)
{
    if (found->list) {
        PyObject *candidate = Py_BuildValue("(nnO)", start, -stop, rank);
        if (!candidate)
            return -1;
        int status = PyList_Append(found->list, candidate);
        Py_DECREF(candidate);
        return status;
    }
    long long value = PyLong_AsLongLong(rank);
    if (value == -1 && PyErr_Occurred())
        return -1;
    if (found->count == found->capacity) {
        Py_ssize_t capacity = found->capacity ? found->capacity * 2 : 256;
        Candidate *items = PyMem_Realloc(found->items, sizeof(Candidate) * (size_t)capacity);
        if (!items) {
            PyErr_NoMemory();
            return -1;
        }
        found->items = items;
        found->capacity = capacity;
    }
    found->items[found->count++] = (Candidate){start, stop, value};
    return 0;
}

/* Adds a candidate for each rank of a hit; 0, or -1 with an exception set. */
static int
add_candidates(Found *found, Py_ssize_t start, Py_ssize_t stop, PyObject *ranks)
{
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(ranks); i++)
        if (found_add(found, start, stop, PyTuple_GET_ITEM(ranks, i)) < 0)
            return -1;
    return 0;
}

#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

/* What a scan returns when the text holds a character it cannot lower alone. */
#define NEEDS_LOWERED 1

/* Appends to `found` the candidates of a text read from `searched` (the text itself, or its
 * lower case from Python); 0, NEEDS_LOWERED, or -1 with an exception set. Inlined into each
 * caller with constant kinds, so that the compiler drops the per-character test of the kind. */
static ALWAYS_INLINE int
scan(const Scanner *self, Found *found, int kind, const void *data, int searched_kind,
     const void *searched_data, Py_ssize_t length, int lowers_here)
{
    const int32_t width = (int32_t)self->row_width, *delta = self->delta;
    int32_t row = 0;
    for (Py_ssize_t i = 0; i < length; i++) {
        Py_UCS4 ch = PyUnicode_READ(searched_kind, searched_data, i);
        int32_t class_;
        if (ch < 128)
            class_ = self->ascii_read_class[ch]; /* spaced and lowered in one look-up */
        else {
            ch = spaced(ch);
            if (lowers_here) {
                if (ch == 0x3A3 || ch == 0x130)
                    return NEEDS_LOWERED;
                ch = Py_UNICODE_TOLOWER(ch);
            }
            class_ = class_of(self, ch);
        }
        int32_t next = delta[row + class_];
        row = next & ~REPORTS;
        if (!(next & REPORTS))
            continue;
        for (int32_t hit = self->reported[row / width]; hit >= 0; hit = self->next_reported[hit]) {
            if (self->probe_at[hit] >= 0 && found->seen)
                found->seen[self->probe_at[hit]] = 1;
            Py_ssize_t key = self->key_at[hit];
            if (key < 0)
                continue; /* a probe only */
            Py_ssize_t stop = i + 1, start = stop - self->key_length[key];
            unsigned char bounded = self->key_bounded[key];
            /* past either end of the text reads as a space, as in the padded Python text */
            if ((bounded & 2) && stop < length && is_alnum(PyUnicode_READ(kind, data, stop)))
                continue; /* the usual miss: a short key at the start of a longer word */
            if ((bounded & 1) && start > 0 && is_alnum(PyUnicode_READ(kind, data, start - 1)))
                continue;
            PyObject *ranks = ranks_of_hit(self, key, kind, data, start, stop);
            if (!ranks || add_candidates(found, start, stop, ranks) < 0)
                return -1;
        }
    }
    return 0;
}

/* Scans `text` (with `lowered`, its lower case, or None) into `found`; 0, NEEDS_LOWERED, or
 * -1 with an exception set. */
static int
scan_text(const Scanner *self, Found *found, PyObject *text, PyObject *lowered)
{
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    if (lowered != Py_None &&
        (!PyUnicode_Check(lowered) || PyUnicode_GET_LENGTH(lowered) != length)) {
        PyErr_SetString(PyExc_ValueError, "lowered is None or a str as long as the text");
        return -1;
    }
    if (self->key_count + self->probe_count == 0)
        return 0;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    if (self->folds_case && lowered != Py_None)
        return scan(self, found, kind, data, PyUnicode_KIND(lowered), PyUnicode_DATA(lowered),
                    length, 0);
    if (kind == PyUnicode_1BYTE_KIND)
        return scan(self, found, PyUnicode_1BYTE_KIND, data, PyUnicode_1BYTE_KIND, data, length,
                    self->folds_case);
    if (kind == PyUnicode_2BYTE_KIND)
        return scan(self, found, PyUnicode_2BYTE_KIND, data, PyUnicode_2BYTE_KIND, data, length,
                    self->folds_case);
    return scan(self, found, PyUnicode_4BYTE_KIND, data, PyUnicode_4BYTE_KIND, data, length,
                self->folds_case);
}

static PyObject *
scanner_hits(Scanner *self, PyObject *args)
{
    PyObject *text, *lowered = Py_None;
    if (!PyArg_ParseTuple(args, "U|O:hits", &text, &lowered))
        return NULL;
    Found found = {PyList_New(0), NULL, 0, 0, NULL};
    if (!found.list)
        return NULL;
    int status = scan_text(self, &found, text, lowered);
    if (status != 0)
        Py_CLEAR(found.list);
    if (status == NEEDS_LOWERED)
        Py_RETURN_NONE;
    return found.list;
}

static int
compare_candidates(const void *a, const void *b)
{
    const Candidate *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->stop != y->stop)
        return x->stop > y->stop ? -1 : 1;
    return (x->rank > y->rank) - (x->rank < y->rank);
}

/* The order index._longest_first settles a group in: the longest, the earliest, the best. */
static int
compare_longest_first(const void *a, const void *b)
{
    const Candidate *x = a, *y = b;
    Py_ssize_t x_length = x->stop - x->start, y_length = y->stop - y->start;
    if (x_length != y_length)
        return x_length > y_length ? -1 : 1;
    return compare_candidates(a, b);
}

/* index._longest_first over one group (sorted): keeps the candidates that overlap none kept
 * before them, longest first, and leaves them sorted at the group's start; their count. */
static Py_ssize_t
longest_first(Candidate *group, Py_ssize_t size)
{
    qsort(group, (size_t)size, sizeof(Candidate), compare_longest_first);
    Py_ssize_t kept = 0;
    for (Py_ssize_t i = 0; i < size; i++) {
        int overlaps = 0;
        for (Py_ssize_t j = 0; j < kept && !overlaps; j++)
            overlaps = !(group[i].stop <= group[j].start || group[i].start >= group[j].stop);
        if (!overlaps)
            group[kept++] = group[i];
    }
    qsort(group, (size_t)kept, sizeof(Candidate), compare_candidates);
    return kept;
}

/* index._outermost in place over sorted candidates: a group opens at a start at or past
 * every stop before it; its first candidate wins when it reaches the group's end (the usual
 * case), else the group is settled longest first. The winners' count. */
static Py_ssize_t
outermost(Candidate *items, Py_ssize_t count)
{
    Py_ssize_t kept = 0, group = 0;
    while (group < count) {
        Py_ssize_t end = group + 1, reach = items[group].stop;
        while (end < count && items[end].start < reach) {
            if (items[end].stop > reach)
                reach = items[end].stop;
            end++;
        }
        if (items[group].stop == reach)
            items[kept++] = items[group];
        else {
            Py_ssize_t winners = longest_first(items + group, end - group);
            memmove(items + kept, items + group, sizeof(Candidate) * (size_t)winners);
            kept += winners;
        }
        group = end;
    }
    return kept;
}

/* Adds Python candidates (start, -stop, rank) to `found`; 0, or -1. */
static int
add_python_candidates(Found *found, PyObject *extra)
{
    PyObject *items = PySequence_Fast(extra, "extra is a sequence of (start, -stop, rank)");
    if (!items)
        return -1;
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(items); i++) {
        PyObject *candidate = PySequence_Fast_GET_ITEM(items, i);
        Py_ssize_t start, negative_stop;
        PyObject *rank;
        if (!PyArg_ParseTuple(candidate, "nnO", &start, &negative_stop, &rank) ||
            found_add(found, start, -negative_stop, rank) < 0) {
            Py_DECREF(items);
            return -1;
        }
    }
    Py_DECREF(items);
    return 0;
}

/* The winners as three lists: starts, stops and ranks. */
static PyObject *
winner_columns(const Candidate *items, Py_ssize_t count)
{
    PyObject *starts = PyList_New(count), *stops = PyList_New(count), *ranks = PyList_New(count);
    if (!starts || !stops || !ranks)
        goto failed;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *start = PyLong_FromSsize_t(items[i].start);
        PyObject *stop = PyLong_FromSsize_t(items[i].stop);
        PyObject *rank = PyLong_FromLongLong(items[i].rank);
        PyList_SET_ITEM(starts, i, start);
        PyList_SET_ITEM(stops, i, stop);
        PyList_SET_ITEM(ranks, i, rank);
        if (!start || !stop || !rank)
            goto failed;
    }
    return Py_BuildValue("(NNN)", starts, stops, ranks);
failed:
    Py_XDECREF(starts);
    Py_XDECREF(stops);
    Py_XDECREF(ranks);
    return NULL;
}

/* The probes a scan saw, as a tuple of their numbers. */
static PyObject *
seen_probes(const Found *found, Py_ssize_t probe_count)
{
    PyObject *seen = PyList_New(0);
    for (Py_ssize_t probe = 0; seen && probe < probe_count; probe++) {
        if (!found->seen[probe])
            continue;
        PyObject *number = PyLong_FromSsize_t(probe);
        if (!number || PyList_Append(seen, number) < 0)
            Py_CLEAR(seen);
        Py_XDECREF(number);
    }
    if (!seen)
        return NULL;
    PyObject *numbers = PyList_AsTuple(seen);
    Py_DECREF(seen);
    return numbers;
}

/* Adds what `more(seen probes)` returns, when `more` is not None; 0, or -1. */
static int
add_more_candidates(Found *found, PyObject *more, Py_ssize_t probe_count)
{
    if (more == Py_None)
        return 0;
    PyObject *seen = seen_probes(found, probe_count);
    if (!seen)
        return -1;
    PyObject *candidates = PyObject_CallOneArg(more, seen);
    Py_DECREF(seen);
    if (!candidates)
        return -1;
    int status = add_python_candidates(found, candidates);
    Py_DECREF(candidates);
    return status;
}

static PyObject *
scanner_search(Scanner *self, PyObject *args)
{
    PyObject *text, *lowered, *extra, *more = Py_None;
    if (!PyArg_ParseTuple(args, "UOO|O:search", &text, &lowered, &extra, &more))
        return NULL;
    Found found = {NULL, NULL, 0, 0, PyMem_Calloc((size_t)self->probe_count + 1, 1)};
    if (!found.seen)
        return PyErr_NoMemory();
    PyObject *columns = NULL;
    int status = scan_text(self, &found, text, lowered);
    if (status == 0 && add_python_candidates(&found, extra) == 0 &&
        add_more_candidates(&found, more, self->probe_count) == 0) {
        qsort(found.items, (size_t)found.count, sizeof(Candidate), compare_candidates);
        columns = winner_columns(found.items, outermost(found.items, found.count));
    }
    PyMem_Free(found.items);
    PyMem_Free(found.seen);
    if (status == NEEDS_LOWERED)
        Py_RETURN_NONE;
    return columns;
}

/* Appends (start, end) for each run of two or more white-space characters with at most one
 * line break; 0, or -1. A run of two holds an odd and an even position, so the scan looks at
 * every other character until it finds white space; inlined with constant kinds. */
static ALWAYS_INLINE int
find_runs(PyObject *runs, int kind, const void *data, Py_ssize_t length)
{
    Py_ssize_t i = 0; /* the character before i, if any, is no white space */
    while (i + 1 < length) {
        if (!Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i + 1))) {
            i += 2;
            continue;
        }
        if (!Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) {
            i += 1;
            continue;
        }
        Py_ssize_t end = i, breaks = 0;
        for (; end < length; end++) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, end);
            if (!Py_UNICODE_ISSPACE(ch))
                break;
            breaks += ch == '\n';
        }
        if (breaks < 2) {
            PyObject *run = Py_BuildValue("(nn)", i, end);
            int status = run ? PyList_Append(runs, run) : -1;
            Py_XDECREF(run);
            if (status < 0)
                return -1;
        }
        i = end + 1;
    }
    return 0;
}

/* whitespace_runs(text): index.python_whitespace_runs in one pass. */
static PyObject *
whitespace_runs(PyObject *module, PyObject *text)
{
    (void)module;
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "whitespace_runs takes a str");
        return NULL;
    }
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    PyObject *runs = PyList_New(0);
    if (!runs)
        return NULL;
    int status;
    switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
        status = find_runs(runs, PyUnicode_1BYTE_KIND, data, length);
        break;
    case PyUnicode_2BYTE_KIND:
        status = find_runs(runs, PyUnicode_2BYTE_KIND, data, length);
        break;
    default:
        status = find_runs(runs, PyUnicode_4BYTE_KIND, data, length);
    }
    if (status < 0)
        Py_CLEAR(runs);
    return runs;
}

/* Builds the scanner; where that fails, it is left with no keys (a scanner whose __init__ is
 * called again with bad values must not scan with half-built tables). */
static int
scanner_init(Scanner *self, PyObject *args, PyObject *kwargs)
{
    if (scanner_build(self, args, kwargs) == 0)
        return 0;
    scanner_free_arrays(self);
    Py_CLEAR(self->values);
    return -1;
}

static Py_ssize_t
scanner_length(Scanner *self)
{
    return self->key_count;
}

static PyMethodDef scanner_methods[] = {
    {"hits", (PyCFunction)scanner_hits, METH_VARARGS,
     "hits(text, lowered=None) -> [(start, -stop, rank)]: the candidates that pass the word "
     "boundary and spelling checks, as index.PythonScanner.hits returns them (in another "
     "order); None where the text needs its lower case from Python."},
    {"search", (PyCFunction)scanner_search, METH_VARARGS,
     "search(text, lowered, extra, more=None) -> (starts, stops, ranks): the winners among "
     "the hits, the extra candidates and those more(the numbers of the probes seen) returns, "
     "as index.PythonScanner.search returns them; None where the text needs its lower case "
     "from Python."},
    {NULL, NULL, 0, NULL},
};

static PySequenceMethods scanner_as_sequence = {
    .sq_length = (lenfunc)scanner_length,
};

static PyTypeObject ScannerType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "kogloss._native.glossary_scan.Scanner",
    .tp_basicsize = sizeof(Scanner),
    .tp_dealloc = (destructor)scanner_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Scanner(values): an Aho-Corasick automaton of glossary keys with their boundary "
              "and spelling checks.",
    .tp_methods = scanner_methods,
    .tp_as_sequence = &scanner_as_sequence,
    .tp_init = (initproc)scanner_init,
    .tp_new = PyType_GenericNew,
};

static PyMethodDef module_functions[] = {
    {"whitespace_runs", whitespace_runs, METH_O,
     "whitespace_runs(text) -> [(start, end)]: the runs of two or more white-space characters "
     "with at most one line break, as index._Searched.inner_runs finds them."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "glossary_scan",
    .m_doc = "The English glossary search of kogloss.glossary.index, compiled.",
    .m_size = -1,
    .m_methods = module_functions,
};

PyMODINIT_FUNC
PyInit_glossary_scan(void)
{
    if (PyType_Ready(&ScannerType) < 0)
        return NULL;
    PyObject *created = PyModule_Create(&module);
    if (!created)
        return NULL;
    Py_INCREF(&ScannerType);
    if (PyModule_AddObject(created, "Scanner", (PyObject *)&ScannerType) < 0) {
        Py_DECREF(&ScannerType);
        Py_DECREF(created);
        return NULL;
    }
    return created;
}
