/* Paragraphs and sentences of a release in C: kogloss._native.sentences.
 *
 * The C twin of kogloss.segment's paragraph_spans, _marker, _sentence_spans and
 * sentence_texts, and of the sentence keys of kogloss.check.repetition, which read the same
 * list markers. The Python there is the reference: every function here gives exactly what
 * its twin gives, and tests/test_native_sentences.py compares them on generated text. The
 * patterns of segment.py are spelt out as loops below, each with the pattern it stands for;
 * "\s" is Py_UNICODE_ISSPACE and "\d" Py_UNICODE_ISDECIMAL, as in the `re` module, and
 * str.isspace/islower/isdigit are the Py_UNICODE_IS* macros that str's methods use.
 *
 * Why C: a thousand releases hold some 90,000 sentence-end candidates, and the Python loop
 * over the regex's matches (and over the lines of each text) cost more than the scans.
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* A text being read: PyUnicode_READ needs its kind and data at every character. */
typedef struct {
    int kind;
    const void *data;
    Py_ssize_t length;
} Text;

#define CHAR_AT(text, index) PyUnicode_READ((text)->kind, (text)->data, (index))

/* Spans [start, end) gathered before the Python objects are made. */
typedef struct {
    Py_ssize_t start;
    Py_ssize_t end;
} Span;

typedef struct {
    Span *items;
    Py_ssize_t size;
    Py_ssize_t capacity;
} Spans;

static int
spans_push(Spans *spans, Py_ssize_t start, Py_ssize_t end)
{
    if (spans->size == spans->capacity) {
        Py_ssize_t capacity = spans->capacity ? spans->capacity * 2 : 64;
        Span *items = PyMem_Realloc(spans->items, (size_t)capacity * sizeof(Span));
        if (items == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        spans->items = items;
        spans->capacity = capacity;
    }
    spans->items[spans->size].start = start;
    spans->items[spans->size].end = end;
    spans->size++;
    return 0;
}

static int
text_init(Text *text, PyObject *object)
{
    if (!PyUnicode_Check(object)) {
        PyErr_SetString(PyExc_TypeError, "text must be a str");
        return -1;
    }
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(object) < 0) {
        return -1;
    }
#endif
    text->kind = PyUnicode_KIND(object);
    text->data = PyUnicode_DATA(object);
    text->length = PyUnicode_GET_LENGTH(object);
    return 0;
}

static inline int
is_hangul_syllable(Py_UCS4 ch) /* [가-힣] */
{
    return ch >= 0xAC00 && ch <= 0xD7A3;
}

/* ---- LIST_MARKER ------------------------------------------------------------------------ */

static inline int
is_marker_space(Py_UCS4 ch) /* [ \t\u00a0\u3000] */
{
    return ch == ' ' || ch == '\t' || ch == 0x00A0 || ch == 0x3000;
}

/* [°ㅇ○●•◦▪■□◆◇▶▷►‣∙·※*\-–—]: the signs that open a sub-point or a bullet. */
static int
is_bullet(Py_UCS4 ch)
{
    switch (ch) {
    case 0x00B0: case 0x3147: case 0x25CB: case 0x25CF: case 0x2022: case 0x25E6:
    case 0x25AA: case 0x25A0: case 0x25A1: case 0x25C6: case 0x25C7: case 0x25B6:
    case 0x25B7: case 0x25BA: case 0x2023: case 0x2219: case 0x00B7: case 0x203B:
    case '*': case '-': case 0x2013: case 0x2014:
        return 1;
    default:
        return 0;
    }
}

/* [a-zA-Z가나다라마바사아자차카타파하]: what a parenthesised point letter may be. */
static int
is_point_letter(Py_UCS4 ch)
{
    switch (ch) {
    case 0xAC00: case 0xB098: case 0xB2E4: case 0xB77C: case 0xB9C8: case 0xBC14: case 0xC0AC:
    case 0xC544: case 0xC790: case 0xCC28: case 0xCE74: case 0xD0C0: case 0xD30C: case 0xD558:
        return 1;
    default:
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    }
}

/* "(?=\s)" at index with the match's end position: nothing is seen at or past it. */
static inline int
space_at(const Text *text, Py_ssize_t index, Py_ssize_t end)
{
    return index < end && Py_UNICODE_ISSPACE(CHAR_AT(text, index));
}

/* How many characters from index on are `only` (or decimal digits where `only` is 0),
 * counting no further than `most` (nor than end). */
static Py_ssize_t
run_length(const Text *text, Py_ssize_t index, Py_ssize_t end, Py_ssize_t most, Py_UCS4 only)
{
    Py_ssize_t count = 0;
    while (count < most && index + count < end) {
        Py_UCS4 ch = CHAR_AT(text, index + count);
        if (only ? ch != only : !Py_UNICODE_ISDECIMAL(ch)) {
            break;
        }
        count++;
    }
    return count;
}

/* Where LIST_MARKER.match(text, start, end) ends, or -1 where it does not match.
 *
 * The leading spaces are taken greedily: giving one back cannot help, since no alternative
 * opens with a space. The alternatives open with distinct characters, so at most one applies.
 * "\d{1,3}" and "#{1,6}" are followed by a character they cannot take, so a longer run fails
 * however the engine backtracks: the runs are counted one past their limit. */
static Py_ssize_t
list_marker_end(const Text *text, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t index = start;
    while (index < end && is_marker_space(CHAR_AT(text, index))) {
        index++;
    }
    if (index >= end) {
        return -1;
    }
    Py_UCS4 ch = CHAR_AT(text, index);
    Py_ssize_t after = -1; /* the end of the marker itself */
    if (Py_UNICODE_ISDECIMAL(ch)) { /* \d{1,3}[.)](?=\s) */
        Py_ssize_t digits = run_length(text, index, end, 4, 0);
        Py_ssize_t close = index + digits;
        if (digits <= 3 && close < end) {
            Py_UCS4 next = CHAR_AT(text, close);
            if ((next == '.' || next == ')') && space_at(text, close + 1, end)) {
                after = close + 1;
            }
        }
    }
    else if (ch == '(') { /* \(\d{1,3}\)(?=\s) | \([a-zA-Z가나다...하]\)(?=\s) */
        if (index + 1 < end) {
            Py_UCS4 inner = CHAR_AT(text, index + 1);
            Py_ssize_t close = -1;
            if (Py_UNICODE_ISDECIMAL(inner)) {
                Py_ssize_t digits = run_length(text, index + 1, end, 4, 0);
                if (digits <= 3) {
                    close = index + 1 + digits;
                }
            }
            else if (is_point_letter(inner)) {
                close = index + 2;
            }
            if (close >= 0 && close < end && CHAR_AT(text, close) == ')'
                && space_at(text, close + 1, end)) {
                after = close + 1;
            }
        }
    }
    else if (ch >= 'a' && ch <= 'z') { /* [a-z][.)](?=\s) */
        if (index + 1 < end) {
            Py_UCS4 next = CHAR_AT(text, index + 1);
            if ((next == '.' || next == ')') && space_at(text, index + 2, end)) {
                after = index + 2;
            }
        }
    }
    else if (is_bullet(ch)) { /* [°ㅇ○...—](?=\s|[가-힣]) */
        if (index + 1 < end) {
            Py_UCS4 next = CHAR_AT(text, index + 1);
            if (Py_UNICODE_ISSPACE(next) || is_hangul_syllable(next)) {
                after = index + 1;
            }
        }
    }
    else if (ch == 'Q' || ch == 'A') { /* [QA][:.](?=\s) */
        if (index + 1 < end) {
            Py_UCS4 next = CHAR_AT(text, index + 1);
            if ((next == ':' || next == '.') && space_at(text, index + 2, end)) {
                after = index + 2;
            }
        }
    }
    else if (ch == '#') { /* #{1,6}(?=\s) */
        Py_ssize_t hashes = run_length(text, index, end, 7, '#');
        if (hashes <= 6 && space_at(text, index + hashes, end)) {
            after = index + hashes;
        }
    }
    if (after < 0) {
        return -1;
    }
    while (after < end && is_marker_space(CHAR_AT(text, after))) {
        after++;
    }
    return after;
}

/* ---- paragraph_spans -------------------------------------------------------------------- */

/* Where the next "\n" from index on is, or the text's length (eight characters a step
 * with SSE2, as in next_mark below). */
static Py_ssize_t
next_line_break(const Text *text, Py_ssize_t index)
{
    Py_ssize_t length = text->length;
    if (text->kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *data = text->data;
        const Py_UCS1 *found = memchr(data + index, '\n', (size_t)(length - index));
        return found ? found - data : length;
    }
    if (text->kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *data = text->data;
#if defined(__SSE2__)
        const __m128i line_break = _mm_set1_epi16('\n');
        for (; index + 8 <= length; index += 8) {
            __m128i chunk = _mm_loadu_si128((const __m128i *)(data + index));
            int mask = _mm_movemask_epi8(_mm_cmpeq_epi16(chunk, line_break));
            if (mask) {
                return index + __builtin_ctz((unsigned)mask) / 2;
            }
        }
#endif
        while (index < length && data[index] != '\n') {
            index++;
        }
        return index;
    }
    const Py_UCS4 *data = text->data;
    while (index < length && data[index] != '\n') {
        index++;
    }
    return index;
}

/* _continues_prose: whether the line `current` reads as the wrapped continuation of
 * `previous` (a lowercase opening, or Hangul on both sides of the break). */
static int
continues_prose(const Text *text, Span previous, Span current)
{
    Py_UCS4 first = CHAR_AT(text, current.start);
    if (Py_UNICODE_ISLOWER(first)) {
        return 1;
    }
    return is_hangul_syllable(first) && is_hangul_syllable(CHAR_AT(text, previous.end - 1));
}

/* _block_paragraphs: the lines of a block between blank lines, appended to `out` one a
 * paragraph, or joined where the block is hard-wrapped prose. `joinable` has room for one
 * flag a line. */
static int
block_paragraphs(const Text *text, const Spans *block, char *joinable, Spans *out)
{
    const Span *lines = block->items;
    Py_ssize_t count = block->size;
    Py_ssize_t joins = 0, wrapped_joins = 0;
    for (Py_ssize_t line = 1; line < count; line++) {
        joinable[line] = list_marker_end(text, lines[line].start, lines[line].end) < 0
                         && lines[line - 1].end - lines[line - 1].start >= 40;
        if (joinable[line]) {
            joins++;
            wrapped_joins += continues_prose(text, lines[line - 1], lines[line]);
        }
    }
    int join = joins > 0 && wrapped_joins * 2 >= joins;
    for (Py_ssize_t line = 0; line < count; line++) {
        if (join && line > 0 && joinable[line]) {
            out->items[out->size - 1].end = lines[line].end;
        }
        else if (spans_push(out, lines[line].start, lines[line].end) < 0) {
            return -1;
        }
    }
    return 0;
}

/* paragraph_spans: the lines of the text ("\n" ends one), trimmed of spaces, gathered into
 * blocks between blank lines, each block split into its paragraphs. */
static int
paragraph_span_list(const Text *text, Spans *out)
{
    Spans block = {NULL, 0, 0};
    char *joinable = NULL;
    Py_ssize_t joinable_size = 0;
    Py_ssize_t position = 0;
    int status = 0;
    for (;;) {
        Py_ssize_t line_end = next_line_break(text, position);
        Py_ssize_t start = position, end = line_end;
        while (start < end && Py_UNICODE_ISSPACE(CHAR_AT(text, start))) {
            start++;
        }
        int last_line = line_end == text->length;
        if (start < end) {
            while (Py_UNICODE_ISSPACE(CHAR_AT(text, end - 1))) {
                end--;
            }
            if (spans_push(&block, start, end) < 0) {
                status = -1;
                break;
            }
        }
        if (start == end || last_line) { /* a blank line, or the text's end: the block ends */
            if (block.size > joinable_size) {
                char *grown = PyMem_Realloc(joinable, (size_t)block.size);
                if (grown == NULL) {
                    PyErr_NoMemory();
                    status = -1;
                    break;
                }
                joinable = grown;
                joinable_size = block.size;
            }
            if (block_paragraphs(text, &block, joinable, out) < 0) {
                status = -1;
                break;
            }
            block.size = 0;
        }
        if (last_line) {
            break;
        }
        position = line_end + 1;
    }
    PyMem_Free(block.items);
    PyMem_Free(joinable);
    return status;
}

/* ---- sentence ends ---------------------------------------------------------------------- */

/* The ASCII marks "!", "." and "?" as bits of the characters below 64: one test rejects
 * the letters, another the spaces and digits, in the scan over every character. */
#define ASCII_MARKS ((1ULL << '!') | (1ULL << '.') | (1ULL << '?'))

static inline int
is_mark(Py_UCS4 ch) /* [.!?。？！…] */
{
    if (ch < 64) {
        return (ASCII_MARKS >> ch) & 1;
    }
    return ch >= 0x2026 && (ch == 0x2026 || ch == 0x3002 || ch == 0xFF01 || ch == 0xFF1F);
}

static inline int
is_closing_quote(Py_UCS4 ch) /* _CLOSING_QUOTES: ["'”’」』] */
{
    return ch == '"' || ch == '\'' || ch == 0x201D || ch == 0x2019 || ch == 0x300D
           || ch == 0x300F;
}

/* The first sentence mark in [index, end), or end: the one scan over the whole text, which
 * SSE2 (every x86-64) takes 16 bytes a step, comparing each character with every mark that its
 * kind can hold; elsewhere, or for the rest of a text and four-byte texts, one at a time. */
static Py_ssize_t
next_mark(const Text *text, Py_ssize_t index, Py_ssize_t end)
{
    if (text->kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *data = text->data;
#if defined(__SSE2__)
        const __m128i dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!');
        const __m128i question = _mm_set1_epi8('?');
        for (; index + 16 <= end; index += 16) {
            __m128i chunk = _mm_loadu_si128((const __m128i *)(data + index));
            __m128i hits = _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi8(chunk, dot), _mm_cmpeq_epi8(chunk, bang)),
                _mm_cmpeq_epi8(chunk, question));
            int mask = _mm_movemask_epi8(hits);
            if (mask) {
                return index + __builtin_ctz((unsigned)mask);
            }
        }
#endif
        while (index < end && !is_mark(data[index])) {
            index++;
        }
        return index;
    }
    if (text->kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *data = text->data;
#if defined(__SSE2__)
        const __m128i marks[7] = {
            _mm_set1_epi16('.'),    _mm_set1_epi16('!'),    _mm_set1_epi16('?'),
            _mm_set1_epi16(0x2026), _mm_set1_epi16(0x3002), _mm_set1_epi16((short)0xFF01),
            _mm_set1_epi16((short)0xFF1F),
        };
        for (; index + 8 <= end; index += 8) {
            __m128i chunk = _mm_loadu_si128((const __m128i *)(data + index));
            __m128i hits = _mm_cmpeq_epi16(chunk, marks[0]);
            for (int mark = 1; mark < 7; mark++) {
                hits = _mm_or_si128(hits, _mm_cmpeq_epi16(chunk, marks[mark]));
            }
            int mask = _mm_movemask_epi8(hits); /* two bits a character */
            if (mask) {
                return index + __builtin_ctz((unsigned)mask) / 2;
            }
        }
#endif
        while (index < end && !is_mark(data[index])) {
            index++;
        }
        return index;
    }
    const Py_UCS4 *data = text->data;
    while (index < end && !is_mark(data[index])) {
        index++;
    }
    return index;
}

/* A candidate sentence end: marks from `mark`, closing quotes and brackets up to `boundary`,
 * then spaces up to the next sentence's first character at `following`. */
typedef struct {
    Py_ssize_t mark;
    Py_ssize_t boundary;
    Py_ssize_t following;
} Candidate;

/* The next candidate from index on that _SENTENCE_END.finditer(text, ..., end) finds, as
 * the plain pattern ([.!?。？！…]+["'”’」』)\]]*)\s+(?=[^\sa-z,;:]) would find it: both
 * alternatives of _SENTENCE_END take the longest runs of marks, closers and spaces (the
 * character after them can be none of theirs), so a candidate fails at every mark of a run
 * when it fails at the first, and the search goes on after the run. Returns 0 at the end. */
static int
next_candidate(const Text *text, Py_ssize_t index, Py_ssize_t end, Candidate *candidate)
{
    for (;;) {
        Py_ssize_t mark = next_mark(text, index, end);
        if (mark >= end) {
            return 0;
        }
        Py_ssize_t boundary = mark + 1;
        while (boundary < end && is_mark(CHAR_AT(text, boundary))) {
            boundary++;
        }
        index = boundary;
        for (;;) {
            Py_UCS4 ch = boundary < end ? CHAR_AT(text, boundary) : 0;
            if (!(is_closing_quote(ch) || ch == ')' || ch == ']')) {
                break;
            }
            boundary++;
        }
        Py_ssize_t following = boundary;
        while (following < end && Py_UNICODE_ISSPACE(CHAR_AT(text, following))) {
            following++;
        }
        if (following > boundary && following < end) {
            Py_UCS4 next = CHAR_AT(text, following);
            if (!((next >= 'a' && next <= 'z') || next == ',' || next == ';' || next == ':')) {
                candidate->mark = mark;
                candidate->boundary = boundary;
                candidate->following = following;
                return 1;
            }
        }
    }
}

/* Abbreviations, compared without their period (segment.ABBREVIATIONS). */
static const char *const ABBREVIATIONS[] = {
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Amb", "Min", "Gen", "Lt", "Col", "Maj",
    "Capt", "Cmdr", "Adm", "Sgt", "Gov", "Sen", "Rep", "Pres", "Hon", "Rev", "Jr", "Sr",
    "St", "Mt", "Ft", "Inc", "Ltd", "Co", "Corp", "Dept", "Univ", "Assn", "Bros", "vs",
    "cf", "al", "approx", "Art", "Vol", "Fig", "ch", "Jan", "Feb", "Mar", "Apr", "Jun",
    "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Wed", "Thu", "Fri",
    "Sat", "Sun", NULL,
};
/* Those that hold the sentence open only before a number (segment.NUMBER_ABBREVIATIONS). */
static const char *const NUMBER_ABBREVIATIONS[] = {
    "No", "Nos", "no", "nos", "Art", "Para", "para", "p", "pp", "Vol", "vol", "Sec", "sec",
    NULL,
};
/* Dotted words that hold the sentence open whole (the tuple in _period_ends_sentence). */
static const char *const DOTTED_WORDS[] = {"H.E", "e.g", "i.e", NULL};

static int
is_listed(const char *word, const char *const *list)
{
    for (; *list != NULL; list++) {
        if ((*list)[0] == word[0] && strcmp(word, *list) == 0) {
            return 1;
        }
    }
    return 0;
}

static inline int
is_ascii_letter(Py_UCS4 ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/* _period_ends_sentence: whether the period at `mark` (after a letter or a period) ends
 * the sentence, by the word before it. That word is what
 * _WORD_BEFORE = ([A-Za-z][A-Za-z.]*)\.$ finds searching text[max(0, mark - 24):mark + 1]:
 * from the first letter of the run of letters and periods that ends at the period, within
 * the 24 characters before it. */
static int
period_ends_sentence(const Text *text, Py_ssize_t mark, Py_UCS4 next)
{
    Py_ssize_t floor = mark - 24 > 0 ? mark - 24 : 0;
    Py_ssize_t start = mark;
    while (start > floor) {
        Py_UCS4 ch = CHAR_AT(text, start - 1);
        if (!(is_ascii_letter(ch) || ch == '.')) {
            break;
        }
        start--;
    }
    while (start < mark && CHAR_AT(text, start) == '.') {
        start++;
    }
    if (start == mark) {
        return 1; /* no word: _WORD_BEFORE does not match */
    }
    char word[32]; /* at most 24 ASCII characters */
    Py_ssize_t length = mark - start;
    for (Py_ssize_t offset = 0; offset < length; offset++) {
        word[offset] = (char)CHAR_AT(text, start + offset);
    }
    word[length] = '\0';
    const char *last_period = strrchr(word, '.');
    const char *bare = last_period ? last_period + 1 : word;
    if (is_listed(bare, ABBREVIATIONS) || is_listed(word, DOTTED_WORDS)) {
        return 0;
    }
    if (is_listed(bare, NUMBER_ABBREVIATIONS) && Py_UNICODE_ISDIGIT(next)) {
        return 0;
    }
    if (bare[0] >= 'A' && bare[0] <= 'Z' && bare[1] == '\0') {
        return 0; /* an initial: "Kim K. Lee", "J. Smith" (mark >= 1, as a word precedes it) */
    }
    /* _DOTTED_ACRONYM.fullmatch(word): (?:[A-Za-z]\.){1,}[A-Za-z] */
    if (length < 3 || length % 2 == 0) {
        return 1;
    }
    for (Py_ssize_t offset = 0; offset < length; offset++) {
        if (offset % 2 ? word[offset] != '.' : !is_ascii_letter((Py_UCS4)word[offset])) {
            return 1;
        }
    }
    return 0;
}

/* _KOREAN_QUOTATIVE.match(text, index):
 * (?:이?라(?:고|며|는)|하(?:고|며|면서)|고|며)(?![가-힣]), as the words it may take. */
static int
is_korean_quotative(const Text *text, Py_ssize_t index)
{
    static const Py_UCS4 WORDS[][4] = {
        {0xC774, 0xB77C, 0xACE0}, /* 이라고 */
        {0xC774, 0xB77C, 0xBA70}, /* 이라며 */
        {0xC774, 0xB77C, 0xB294}, /* 이라는 */
        {0xB77C, 0xACE0},         /* 라고 */
        {0xB77C, 0xBA70},         /* 라며 */
        {0xB77C, 0xB294},         /* 라는 */
        {0xD558, 0xACE0},         /* 하고 */
        {0xD558, 0xBA70},         /* 하며 */
        {0xD558, 0xBA74, 0xC11C}, /* 하면서 */
        {0xACE0},                 /* 고 */
        {0xBA70},                 /* 며 */
    };
    for (size_t word = 0; word < sizeof(WORDS) / sizeof(WORDS[0]); word++) {
        Py_ssize_t offset = 0;
        while (offset < 4 && WORDS[word][offset] != 0 && index + offset < text->length
               && CHAR_AT(text, index + offset) == WORDS[word][offset]) {
            offset++;
        }
        if (offset < 4 && WORDS[word][offset] != 0) {
            continue; /* the word is not there */
        }
        if (index + offset >= text->length
            || !is_hangul_syllable(CHAR_AT(text, index + offset))) {
            return 1;
        }
    }
    return 0;
}

/* _is_sentence_end: whether a candidate ends its sentence. */
static int
is_sentence_end(const Text *text, const Candidate *candidate)
{
    Py_UCS4 next = CHAR_AT(text, candidate->following);
    if (Py_UNICODE_ISLOWER(next)) {
        return 0;
    }
    if (is_closing_quote(CHAR_AT(text, candidate->boundary - 1))
        && is_korean_quotative(text, candidate->following)) {
        return 0; /* “...다.” 라고 말했다: the quotation continues the sentence */
    }
    if (CHAR_AT(text, candidate->mark) != '.') {
        return 1;
    }
    if (candidate->mark == 0) {
        return 1;
    }
    Py_UCS4 previous = CHAR_AT(text, candidate->mark - 1);
    if (!(is_ascii_letter(previous) || previous == '.')) {
        return !(Py_UNICODE_ISDIGIT(previous) && Py_UNICODE_ISDIGIT(next)); /* 2017. 9. 3. */
    }
    return period_ends_sentence(text, candidate->mark, next);
}

/* A paragraph as _sentence_spans takes it: (start, end, marker_end). */
typedef struct {
    Py_ssize_t start;
    Py_ssize_t end;
    Py_ssize_t marker_end;
} Bounds;

/* _sentence_spans: the sentences of each paragraph appended to `out`, and their number to
 * `counts`. One pass of candidates from the first paragraph's start to the last one's end,
 * consumed paragraph by paragraph exactly as the Python consumes its finditer. */
static int
sentence_span_list(const Text *text, const Bounds *paragraphs, Py_ssize_t count, Spans *out,
                   Py_ssize_t *counts)
{
    if (count == 0) {
        return 0;
    }
    Py_ssize_t limit = paragraphs[count - 1].end;
    Candidate candidate;
    int found = next_candidate(text, paragraphs[0].start, limit, &candidate);
    for (Py_ssize_t index = 0; index < count; index++) {
        Bounds paragraph = paragraphs[index];
        Py_ssize_t before = out->size;
        Py_ssize_t sentence_start = paragraph.start;
        while (found && candidate.mark < paragraph.end) {
            if (candidate.following < paragraph.end) {
                /* -1 for a candidate that ends no sentence, compared as the Python does */
                Py_ssize_t boundary = is_sentence_end(text, &candidate) ? candidate.boundary : -1;
                if (boundary > paragraph.marker_end) {
                    if (spans_push(out, sentence_start, boundary) < 0) {
                        return -1;
                    }
                    sentence_start = candidate.following;
                }
            }
            found = next_candidate(text, candidate.following, limit, &candidate);
        }
        Py_ssize_t tail_end = paragraph.end;
        while (tail_end > sentence_start && Py_UNICODE_ISSPACE(CHAR_AT(text, tail_end - 1))) {
            tail_end--;
        }
        if (tail_end > sentence_start && spans_push(out, sentence_start, tail_end) < 0) {
            return -1;
        }
        counts[index] = out->size - before;
    }
    return 0;
}

/* ---- the module's functions ------------------------------------------------------------- */

static PyObject *PARAGRAPH_KIND; /* "paragraph", interned as the Python literal is */

/* A Segment (a tuple subclass): what Segment._make((items...)) makes, filled in place. Steals
 * the references to its items, even on failure. */
static PyObject *
make_segment(PyTypeObject *type, PyObject *items[7])
{
    PyObject *segment = type->tp_alloc(type, 7);
    for (Py_ssize_t index = 0; index < 7; index++) {
        if (segment == NULL || items[index] == NULL) {
            Py_XDECREF(items[index]);
            continue;
        }
        PyTuple_SET_ITEM(segment, index, items[index]);
    }
    for (Py_ssize_t index = 0; segment != NULL && index < 7; index++) {
        if (items[index] == NULL) {
            Py_DECREF(segment);
            return NULL;
        }
    }
    return segment;
}

/* _marker: the list marker opening text[start:end], without its spaces, or "". */
static PyObject *
marker_text(PyObject *string, const Text *text, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t marker_end = list_marker_end(text, start, end);
    if (marker_end < 0) {
        marker_end = start;
    }
    while (start < marker_end && Py_UNICODE_ISSPACE(CHAR_AT(text, start))) {
        start++;
    }
    while (marker_end > start && Py_UNICODE_ISSPACE(CHAR_AT(text, marker_end - 1))) {
        marker_end--;
    }
    return PyUnicode_Substring(string, start, marker_end);
}

PyDoc_STRVAR(paragraphs_doc,
             "paragraphs(text, segment_type)\n--\n\n"
             "The paragraph segments of text, as kogloss.segment.paragraphs makes them:\n"
             "segment_type((start, end, text[start:end], 'paragraph', index, index, marker))\n"
             "for each span of paragraph_spans(text).");

static PyObject *
paragraphs(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "paragraphs() takes text and segment_type");
        return NULL;
    }
    PyObject *string = args[0];
    Text text;
    if (text_init(&text, string) < 0) {
        return NULL;
    }
    if (!PyType_Check(args[1]) || !PyType_IsSubtype((PyTypeObject *)args[1], &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "segment_type must be a tuple subclass");
        return NULL;
    }
    PyTypeObject *type = (PyTypeObject *)args[1];
    Spans spans = {NULL, 0, 0};
    PyObject *result = NULL;
    if (paragraph_span_list(&text, &spans) < 0) {
        goto done;
    }
    result = PyList_New(spans.size);
    for (Py_ssize_t index = 0; result != NULL && index < spans.size; index++) {
        Span span = spans.items[index];
        PyObject *number = PyLong_FromSsize_t(index);
        Py_XINCREF(number);
        Py_INCREF(PARAGRAPH_KIND);
        PyObject *items[7] = {
            PyLong_FromSsize_t(span.start),
            PyLong_FromSsize_t(span.end),
            PyUnicode_Substring(string, span.start, span.end),
            PARAGRAPH_KIND,
            number,
            number,
            marker_text(string, &text, span.start, span.end),
        };
        PyObject *segment = make_segment(type, items);
        if (segment == NULL) {
            Py_CLEAR(result);
            break;
        }
        PyList_SET_ITEM(result, index, segment);
    }
done:
    PyMem_Free(spans.items);
    return result;
}

/* An index of the text from a Python int: 0 <= index <= len(text), else ValueError. */
static int
text_index(PyObject *object, const Text *text, Py_ssize_t *index)
{
    *index = PyLong_AsSsize_t(object);
    if (*index == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (*index < 0 || *index > text->length) {
        PyErr_SetString(PyExc_ValueError, "paragraph bounds outside the text");
        return -1;
    }
    return 0;
}

/* Whether str `marker` holds a sentence mark (not _SENTENCE_MARKS.isdisjoint(marker)). */
static int
has_sentence_mark(PyObject *marker)
{
    Text text;
    if (text_init(&text, marker) < 0) {
        return -1;
    }
    for (Py_ssize_t index = 0; index < text.length; index++) {
        if (is_mark(CHAR_AT(&text, index))) {
            return 1;
        }
    }
    return 0;
}

/* One paragraph of `item`: a (start, end, marker_end) tuple, or with `segments` a Segment,
 * whose marker_end is found as _paragraph_bounds finds it: a marker without a sentence mark
 * holds no candidate end, and its paragraph's start serves. */
static int
read_bounds(PyObject *item, const Text *text, int segments, Bounds *paragraph)
{
    if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != (segments ? 7 : 3)
        || (segments && !PyUnicode_Check(PyTuple_GET_ITEM(item, 6)))) {
        PyErr_SetString(PyExc_TypeError, segments ? "paragraph_list must hold Segments"
                                                  : "bounds must be (start, end, marker_end)");
        return -1;
    }
    if (text_index(PyTuple_GET_ITEM(item, 0), text, &paragraph->start) < 0
        || text_index(PyTuple_GET_ITEM(item, 1), text, &paragraph->end) < 0) {
        return -1;
    }
    if (!segments) {
        paragraph->marker_end = PyLong_AsSsize_t(PyTuple_GET_ITEM(item, 2));
        return paragraph->marker_end == -1 && PyErr_Occurred() ? -1 : 0;
    }
    int marked = has_sentence_mark(PyTuple_GET_ITEM(item, 6));
    if (marked < 0) {
        return -1;
    }
    Py_ssize_t marker_end =
        marked ? list_marker_end(text, paragraph->start, paragraph->end) : -1;
    paragraph->marker_end = marker_end >= 0 ? marker_end : paragraph->start;
    return 0;
}

/* The sentences of a list of lists of (start, end), one list a paragraph, or with `as_texts`
 * the texts of the sentences, all in one list. */
static PyObject *
sentence_result(PyObject *string, const Spans *spans, const Py_ssize_t *counts,
                Py_ssize_t count, int as_texts)
{
    if (as_texts) {
        PyObject *result = PyList_New(spans->size);
        for (Py_ssize_t index = 0; result != NULL && index < spans->size; index++) {
            Span span = spans->items[index];
            PyObject *sentence = PyUnicode_Substring(string, span.start, span.end);
            if (sentence == NULL) {
                Py_CLEAR(result);
                break;
            }
            PyList_SET_ITEM(result, index, sentence);
        }
        return result;
    }
    PyObject *result = PyList_New(count);
    Py_ssize_t next = 0;
    for (Py_ssize_t index = 0; result != NULL && index < count; index++) {
        PyObject *paragraph = PyList_New(counts[index]);
        for (Py_ssize_t sentence = 0; paragraph != NULL && sentence < counts[index];
             sentence++) {
            Span span = spans->items[next++];
            PyObject *pair = Py_BuildValue("(nn)", span.start, span.end);
            if (pair == NULL) {
                Py_CLEAR(paragraph);
                break;
            }
            PyList_SET_ITEM(paragraph, sentence, pair);
        }
        if (paragraph == NULL) {
            Py_CLEAR(result);
            break;
        }
        PyList_SET_ITEM(result, index, paragraph);
    }
    return result;
}

/* sentence_spans and sentence_texts: the paragraphs read, their sentences found, the result
 * made. `segments`: the paragraphs are Segments and the result is the sentences' texts. */
static PyObject *
split_sentences(PyObject *const *args, Py_ssize_t nargs, int segments)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "takes text and the paragraphs");
        return NULL;
    }
    PyObject *string = args[0];
    Text text;
    if (text_init(&text, string) < 0) {
        return NULL;
    }
    PyObject *sequence = PySequence_Fast(args[1], "the paragraphs must be a sequence");
    if (sequence == NULL) {
        return NULL;
    }
    Py_ssize_t count = PySequence_Fast_GET_SIZE(sequence);
    size_t room = (size_t)(count ? count : 1);
    Bounds *bounds = PyMem_Malloc(room * sizeof(Bounds));
    Py_ssize_t *counts = PyMem_Malloc(room * sizeof(Py_ssize_t));
    Spans spans = {NULL, 0, 0};
    PyObject *result = NULL;
    if (bounds == NULL || counts == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t index = 0; index < count; index++) {
        if (read_bounds(PySequence_Fast_GET_ITEM(sequence, index), &text, segments,
                        &bounds[index]) < 0) {
            goto done;
        }
    }
    if (sentence_span_list(&text, bounds, count, &spans, counts) == 0) {
        result = sentence_result(string, &spans, counts, count, segments);
    }
done:
    Py_DECREF(sequence);
    PyMem_Free(bounds);
    PyMem_Free(counts);
    PyMem_Free(spans.items);
    return result;
}

PyDoc_STRVAR(sentence_spans_doc,
             "sentence_spans(text, bounds)\n--\n\n"
             "kogloss.segment._sentence_spans: the sentence spans of each paragraph\n"
             "(start, end, marker_end) of bounds, a list of lists of (start, end).");

static PyObject *
sentence_spans(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    return split_sentences(args, nargs, 0);
}

PyDoc_STRVAR(sentence_texts_doc,
             "sentence_texts(text, paragraph_list)\n--\n\n"
             "kogloss.segment.sentence_texts on a document's text: the texts of the sentences\n"
             "of the paragraph segments given, in order.");

static PyObject *
sentence_texts(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    return split_sentences(args, nargs, 1);
}

/* ---- sentence keys ---------------------------------------------------------------------- */

/* Characters other than ASCII and white space whose case fold is themselves: Hangul
 * syllables, curly quotes, the ellipsis, and LIST_MARKER's bullets. For a key of these,
 * str.casefold is ASCII lowering; any other character is left to Python. */
static int
folds_to_itself(Py_UCS4 ch)
{
    return is_hangul_syllable(ch) || ch == 0x2018 || ch == 0x2019 || ch == 0x201C ||
           ch == 0x201D || ch == 0x2026 || is_bullet(ch);
}

/* The key of one sentence (kogloss.check.repetition._sentence_key): the text after its list
 * marker, white-space runs made one space, stripped, case-folded. None where a character of
 * that part does not fold simply. A new reference, or NULL with an exception set. */
static PyObject *
sentence_key(PyObject *string, Py_UCS4 *buffer)
{
    Text text;
    if (text_init(&text, string) < 0) {
        return NULL;
    }
    Py_ssize_t marker_end = list_marker_end(&text, 0, text.length);
    Py_ssize_t written = 0;
    Py_UCS4 widest = 0;
    int in_space = 1; /* at the start, spaces are stripped */
    for (Py_ssize_t i = marker_end < 0 ? 0 : marker_end; i < text.length; i++) {
        Py_UCS4 ch = CHAR_AT(&text, i);
        if (Py_UNICODE_ISSPACE(ch)) {
            if (!in_space) {
                buffer[written++] = ' ';
            }
            in_space = 1;
            continue;
        }
        if (ch >= 128 && !folds_to_itself(ch)) {
            Py_RETURN_NONE;
        }
        in_space = 0;
        if (ch >= 'A' && ch <= 'Z') {
            ch += 'a' - 'A';
        }
        buffer[written++] = ch;
        widest = ch > widest ? ch : widest;
    }
    if (written > 0 && buffer[written - 1] == ' ') {
        written--; /* strip the end */
    }
    if (widest >= 128) {
        return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buffer, written);
    }
    PyObject *key = PyUnicode_New(written, 127);
    if (key != NULL) {
        Py_UCS1 *bytes = PyUnicode_1BYTE_DATA(key);
        for (Py_ssize_t i = 0; i < written; i++) {
            bytes[i] = (Py_UCS1)buffer[i];
        }
    }
    return key;
}

PyDoc_STRVAR(sentence_keys_doc,
             "sentence_keys(texts)\n--\n\n"
             "kogloss.check.repetition._sentence_key of each sentence of texts whose key folds\n"
             "simply (ASCII, white space, Hangul, curly quotes, the ellipsis, bullets), else None.");

static PyObject *
sentence_keys(PyObject *module, PyObject *texts)
{
    (void)module;
    PyObject *items = PySequence_Fast(texts, "sentence_keys takes a list of str");
    if (items == NULL) {
        return NULL;
    }
    Py_ssize_t count = PySequence_Fast_GET_SIZE(items), longest = 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *text = PySequence_Fast_GET_ITEM(items, i);
        if (!PyUnicode_Check(text)) {
            Py_DECREF(items);
            PyErr_SetString(PyExc_TypeError, "sentence_keys takes a list of str");
            return NULL;
        }
        longest = Py_MAX(longest, PyUnicode_GET_LENGTH(text));
    }
    Py_UCS4 *buffer = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(longest + 1));
    PyObject *keys = buffer != NULL ? PyList_New(count) : PyErr_NoMemory();
    for (Py_ssize_t i = 0; keys != NULL && i < count; i++) {
        PyObject *key = sentence_key(PySequence_Fast_GET_ITEM(items, i), buffer);
        if (key == NULL) {
            Py_CLEAR(keys);
        }
        else {
            PyList_SET_ITEM(keys, i, key);
        }
    }
    PyMem_Free(buffer);
    Py_DECREF(items);
    return keys;
}

static PyMethodDef methods[] = {
    {"paragraphs", (PyCFunction)(void (*)(void))paragraphs, METH_FASTCALL, paragraphs_doc},
    {"sentence_spans", (PyCFunction)(void (*)(void))sentence_spans, METH_FASTCALL,
     sentence_spans_doc},
    {"sentence_texts", (PyCFunction)(void (*)(void))sentence_texts, METH_FASTCALL,
     sentence_texts_doc},
    {"sentence_keys", sentence_keys, METH_O, sentence_keys_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_definition = {
    PyModuleDef_HEAD_INIT,
    "kogloss._native.sentences",
    "Paragraphs and sentences in C: the twin of kogloss.segment's Python, which is the "
    "reference.",
    -1,
    methods,
    NULL,
    NULL,
    NULL,
    NULL,
};

PyMODINIT_FUNC
PyInit_sentences(void)
{
    PARAGRAPH_KIND = PyUnicode_InternFromString("paragraph");
    if (PARAGRAPH_KIND == NULL) {
        return NULL;
    }
    return PyModule_Create(&module_definition);
}
