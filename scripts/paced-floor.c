/*
 * paced-floor: the least a server can do to send paced SSE streams, as a hardware floor for the mock.
 *
 *   paced-floor [-t THREADS] [-b BUSY_US] [-s SLACK_US] PORT    (PORT 0: the kernel picks; it is printed)
 *
 * Listens on 127.0.0.1:PORT. POST /v1/chat/completions answers an SSE stream, chunked, paced on absolute
 * deadlines: a first event after ttft ms, then one every itl ms (deadline_k = start + ttft + k * itl), as
 * many content events as output tokens; the last one goes out in the same write as the `data: [DONE]`
 * chunk and the terminal chunk, as the mock does. The headers x-mock-ttft-ms, x-mock-itl-ms and
 * x-mock-output-tokens take a number or uniform:A:B (defaults 200, 20, 100). One send() per event.
 * GET /stats answers the pacing lateness (send time minus deadline, read from CLOCK_MONOTONIC right before
 * each send) in µs as JSON; GET /stats?reset=true also clears it. GET /health answers ok.
 *
 * Design: THREADS workers (default 1), each with its own SO_REUSEPORT listener on the same port, its own
 * epoll instance, connections and min-heap of deadlines (one entry per streaming connection: its next
 * event). The kernel spreads new connections over the listeners by a hash of the 4-tuple, so workers never
 * hand anything to each other. A worker sends everything due, then sleeps in epoll_pwait2 with a
 * nanosecond timeout up to the next deadline (timer slack set to 1 ns, instead of the default 50 µs).
 * With -b BUSY_US it polls epoll without sleeping when the next deadline is less than BUSY_US away; with
 * -s SLACK_US the timer slack is SLACK_US instead (the kernel may wake it up to SLACK_US after the
 * deadline, and everything due by then goes out in that wake-up: fewer wake-ups, more lateness; the
 * mock's wheel wakes at the end of 262 µs slots, about -s 262).
 * Lateness goes into a per-worker log-linear histogram (exact below 1.024 µs, then 512 buckets per power
 * of two: at most 0.2 % relative error, 2 µs wide at 1 ms; up to hours), updated with relaxed atomics so
 * that /stats, served by whichever worker owns its connection, can read and clear every worker's.
 *
 * A measuring tool: no TLS, no chunked request bodies, requests up to 1 MiB.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* ---------------------------------------------------------------- histogram */

#define SUB_BITS 10
#define SUB_COUNT (1 << SUB_BITS)   /* values below this (ns) have a bucket each */
#define HALF (SUB_COUNT / 2)
#define MAX_SHIFT 34                /* up to 2^44 ns, about 4.9 hours; above that: the last bucket */
#define NBUCKETS (SUB_COUNT + MAX_SHIFT * HALF)

struct hist {
    uint64_t counts[NBUCKETS];
    uint64_t sum_ns;
    uint64_t max_ns;
};

static inline int bucket_of(uint64_t v) {
    if (v < SUB_COUNT) {
        return (int) v;
    }
    int shift = (63 - __builtin_clzll(v)) - (SUB_BITS - 1); /* v >> shift is in [HALF, SUB_COUNT) */
    if (shift > MAX_SHIFT) {
        return NBUCKETS - 1;
    }
    return SUB_COUNT + (shift - 1) * HALF + (int) ((v >> shift) - HALF);
}

/* The highest value that falls in bucket i (what percentiles report, as HdrHistogram does). */
static uint64_t bucket_high(int i) {
    if (i < SUB_COUNT) {
        return (uint64_t) i;
    }
    int shift = (i - SUB_COUNT) / HALF + 1;
    uint64_t sub = (uint64_t) ((i - SUB_COUNT) % HALF + HALF);
    return ((sub + 1) << shift) - 1;
}

/* Owner thread only (readers may run concurrently: all accesses are atomic). */
static inline void hist_record(struct hist *h, int64_t ns) {
    uint64_t v = ns < 0 ? 0 : (uint64_t) ns;
    __atomic_fetch_add(&h->counts[bucket_of(v)], 1, __ATOMIC_RELAXED);
    __atomic_fetch_add(&h->sum_ns, v, __ATOMIC_RELAXED);
    uint64_t m = __atomic_load_n(&h->max_ns, __ATOMIC_RELAXED);
    while (v > m && !__atomic_compare_exchange_n(&h->max_ns, &m, v, true, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
    }
}

/* ---------------------------------------------------------------- connections, heap, workers */

enum { ST_READ, ST_STREAM };

struct worker;

struct conn {
    int fd;
    int state;
    int heap_idx;        /* -1 when not waiting in the heap */
    bool due_blocked;    /* a deadline came while earlier bytes were still unsent */
    bool close_after;    /* "Connection: close" */
    struct worker *w;
    char *in;            /* received, not yet consumed */
    size_t in_len, in_cap;
    char *out;           /* accepted by nobody yet: resumed on EPOLLOUT */
    size_t out_off, out_len, out_cap;
    int64_t first_ns;    /* start + ttft: deadline of event 0 */
    int64_t itl_ns;
    int64_t deadline_ns;
    uint32_t steps_sent, steps_total, tokens;
};

struct hent {
    int64_t at;
    struct conn *c;
};

struct worker {
    int id;
    int ep;
    int lfd;
    struct hent *heap;
    int heap_n, heap_cap;
    uint64_t rng;
    struct hist *hist;
    /* read by /stats from any worker */
    uint64_t events_sent;
    uint64_t streams_started;
    int64_t active_streams;
    char pad[64];
} __attribute__((aligned(64)));

static struct worker *workers;
static int nworkers = 1;
static int64_t busy_ns = 0;
static unsigned long slack_ns = 1;
static int64_t start_ns;
static bool have_pwait2 = true;

#define SCRATCH 65536
#define MAX_IN (1 << 20)
#define MAX_EVENTS 256
#define MAX_FIRES_PER_PASS 256

static inline int64_t mono_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t) ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void heap_set(struct worker *w, int i, struct hent e) {
    w->heap[i] = e;
    e.c->heap_idx = i;
}

static void heap_up(struct worker *w, int i) {
    struct hent e = w->heap[i];
    while (i > 0) {
        int p = (i - 1) / 2;
        if (w->heap[p].at <= e.at) {
            break;
        }
        heap_set(w, i, w->heap[p]);
        i = p;
    }
    heap_set(w, i, e);
}

static void heap_down(struct worker *w, int i) {
    struct hent e = w->heap[i];
    for (;;) {
        int l = 2 * i + 1;
        if (l >= w->heap_n) {
            break;
        }
        int m = (l + 1 < w->heap_n && w->heap[l + 1].at < w->heap[l].at) ? l + 1 : l;
        if (w->heap[m].at >= e.at) {
            break;
        }
        heap_set(w, i, w->heap[m]);
        i = m;
    }
    heap_set(w, i, e);
}

static void heap_push(struct worker *w, struct conn *c, int64_t at) {
    if (w->heap_n == w->heap_cap) {
        w->heap_cap = w->heap_cap ? w->heap_cap * 2 : 1024;
        w->heap = realloc(w->heap, (size_t) w->heap_cap * sizeof *w->heap);
        if (!w->heap) {
            perror("paced-floor: realloc");
            exit(1);
        }
    }
    w->heap[w->heap_n] = (struct hent) {at, c};
    c->heap_idx = w->heap_n++;
    heap_up(w, c->heap_idx);
}

static void heap_remove(struct worker *w, struct conn *c) {
    int i = c->heap_idx;
    if (i < 0) {
        return;
    }
    c->heap_idx = -1;
    w->heap_n--;
    if (i == w->heap_n) {
        return;
    }
    heap_set(w, i, w->heap[w->heap_n]);
    if (i > 0 && w->heap[i].at < w->heap[(i - 1) / 2].at) {
        heap_up(w, i);
    } else {
        heap_down(w, i);
    }
}

static inline uint64_t rng_next(struct worker *w) { /* xorshift64* */
    uint64_t x = w->rng;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    w->rng = x;
    return x * 0x2545F4914F6CDD1DULL;
}

/* ---------------------------------------------------------------- canned bytes */

static const char RESP_HEAD[] = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                                "Transfer-Encoding: chunked\r\n\r\n";
/* about 200 bytes with the chunk framing, like a real OpenAI content chunk */
static const char EVENT_DATA[] = "data: {\"id\":\"chatcmpl-9x7Yb2QeFzTnJk4LmA8sWdR1uVhC\",\"object\":\"chat.completion.chunk\","
                                 "\"created\":1717000000,\"model\":\"paced\",\"choices\":"
                                 "[{\"index\":0,\"delta\":{\"content\":\" word\"},\"finish_reason\":null}]}\n\n";
static const char DONE_CHUNK[] = "e\r\ndata: [DONE]\n\n\r\n0\r\n\r\n";
static const char HEALTH[] = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 16\r\n\r\n"
                             "{\"status\":\"ok\"}\n";
static const char NOT_FOUND[] = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
static const char BAD_REQUEST[] = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

static char event_chunk[512];
static size_t event_chunk_len;
static char last_chunk[512];   /* the last content event, [DONE] and the terminal chunk: one write */
static size_t last_chunk_len;

static void build_chunks(void) {
    int n = snprintf(event_chunk, sizeof event_chunk, "%zx\r\n%s\r\n", strlen(EVENT_DATA), EVENT_DATA);
    event_chunk_len = (size_t) n;
    memcpy(last_chunk, event_chunk, event_chunk_len);
    memcpy(last_chunk + event_chunk_len, DONE_CHUNK, strlen(DONE_CHUNK));
    last_chunk_len = event_chunk_len + strlen(DONE_CHUNK);
}

/* ---------------------------------------------------------------- connection I/O */

static void conn_close(struct conn *c) {
    struct worker *w = c->w;
    heap_remove(w, c);
    if (c->state == ST_STREAM) {
        __atomic_fetch_sub(&w->active_streams, 1, __ATOMIC_RELAXED);
    }
    close(c->fd);
    free(c->in);
    free(c->out);
    free(c);
}

static int out_append(struct conn *c, const char *p, size_t n) {
    if (c->out_off > 0) {
        memmove(c->out, c->out + c->out_off, c->out_len);
        c->out_off = 0;
    }
    if (c->out_len + n > c->out_cap) {
        size_t cap = c->out_cap ? c->out_cap : 1024;
        while (cap < c->out_len + n) {
            cap *= 2;
        }
        char *o = realloc(c->out, cap);
        if (!o) {
            return -1;
        }
        c->out = o;
        c->out_cap = cap;
    }
    memcpy(c->out + c->out_len, p, n);
    c->out_len += n;
    return 0;
}

/* Sends (or queues behind unsent bytes) p[0..n); -1 when the connection failed (the caller closes it). */
static int conn_send(struct conn *c, const char *p, size_t n) {
    if (c->out_len > 0) {
        return out_append(c, p, n);
    }
    ssize_t k = send(c->fd, p, n, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (k < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            return -1;
        }
        k = 0;
    }
    if ((size_t) k < n) {
        return out_append(c, p + k, n - (size_t) k);
    }
    return 0;
}

/* Sends what is queued; -1 on failure. */
static int conn_flush(struct conn *c) {
    while (c->out_len > 0) {
        ssize_t k = send(c->fd, c->out + c->out_off, c->out_len, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (k < 0) {
            if (errno == EINTR) {
                continue;
            }
            return (errno == EAGAIN || errno == EWOULDBLOCK) ? 0 : -1;
        }
        c->out_off += (size_t) k;
        c->out_len -= (size_t) k;
    }
    c->out_off = 0;
    return 0;
}

/* ---------------------------------------------------------------- request parsing */

/* "123", "12.5", "constant:20" or "uniform:A:B"; *out unchanged when unreadable. */
static void parse_dist(struct worker *w, const char *v, size_t len, double *out) {
    char buf[96];
    if (len >= sizeof buf) {
        return;
    }
    memcpy(buf, v, len);
    buf[len] = 0;
    char *end;
    if (strncasecmp(buf, "uniform:", 8) == 0) {
        double a = strtod(buf + 8, &end);
        if (*end != ':') {
            return;
        }
        double b = strtod(end + 1, &end);
        if (b < a) {
            return;
        }
        double u = (double) (rng_next(w) >> 11) * (1.0 / 9007199254740992.0);
        *out = a + u * (b - a);
        return;
    }
    const char *s = strncasecmp(buf, "constant:", 9) == 0 ? buf + 9 : buf;
    double x = strtod(s, &end);
    if (end != s) {
        *out = x;
    }
}

static bool header_is(const char *name, size_t nlen, const char *want) {
    return nlen == strlen(want) && strncasecmp(name, want, nlen) == 0;
}

static int send_stats(struct conn *c, bool reset);

enum { PARSE_MORE = 0, PARSE_DONE = 1, PARSE_CLOSE = -1 };

/* Handles one request from c->in if it is complete. */
static int parse_one(struct conn *c) {
    struct worker *w = c->w;
    char *buf = c->in;
    char *end = memmem(buf, c->in_len, "\r\n\r\n", 4);
    if (!end) {
        return c->in_len > MAX_IN ? PARSE_CLOSE : PARSE_MORE;
    }
    size_t head_len = (size_t) (end - buf) + 4;
    /* request line */
    char *eol = memmem(buf, head_len, "\r\n", 2);
    char *sp1 = memchr(buf, ' ', (size_t) (eol - buf));
    char *sp2 = sp1 ? memchr(sp1 + 1, ' ', (size_t) (eol - sp1 - 1)) : NULL;
    if (!sp2) {
        conn_send(c, BAD_REQUEST, sizeof BAD_REQUEST - 1);
        return PARSE_CLOSE;
    }
    size_t mlen = (size_t) (sp1 - buf);
    const char *path = sp1 + 1;
    size_t plen = (size_t) (sp2 - path);
    bool http10 = (size_t) (eol - sp2 - 1) == 8 && memcmp(sp2 + 1, "HTTP/1.0", 8) == 0;
    /* headers */
    size_t content_length = 0;
    double ttft = 200, itl = 20, tokens = 100;
    bool close_after = http10;
    for (char *line = eol + 2; line < end;) {
        char *le = memmem(line, (size_t) (end + 2 - line), "\r\n", 2);
        char *colon = memchr(line, ':', (size_t) (le - line));
        if (colon) {
            size_t nlen = (size_t) (colon - line);
            char *v = colon + 1;
            while (v < le && (*v == ' ' || *v == '\t')) {
                v++;
            }
            size_t vlen = (size_t) (le - v);
            while (vlen > 0 && (v[vlen - 1] == ' ' || v[vlen - 1] == '\t')) {
                vlen--;
            }
            if (header_is(line, nlen, "content-length")) {
                content_length = strtoul(v, NULL, 10);
            } else if (header_is(line, nlen, "x-mock-ttft-ms")) {
                parse_dist(w, v, vlen, &ttft);
            } else if (header_is(line, nlen, "x-mock-itl-ms")) {
                parse_dist(w, v, vlen, &itl);
            } else if (header_is(line, nlen, "x-mock-output-tokens")) {
                parse_dist(w, v, vlen, &tokens);
            } else if (header_is(line, nlen, "connection")) {
                close_after = vlen == 5 && strncasecmp(v, "close", 5) == 0;
            } else if (header_is(line, nlen, "transfer-encoding")) {
                conn_send(c, BAD_REQUEST, sizeof BAD_REQUEST - 1); /* chunked bodies: not supported */
                return PARSE_CLOSE;
            }
        }
        line = le + 2;
    }
    if (content_length > MAX_IN) {
        return PARSE_CLOSE;
    }
    size_t total = head_len + content_length;
    if (c->in_len < total) {
        return PARSE_MORE;
    }
    c->close_after = close_after;

    int rc = 0;
    bool is_get = mlen == 3 && memcmp(buf, "GET", 3) == 0;
    bool is_post = mlen == 4 && memcmp(buf, "POST", 4) == 0;
    if (is_post && plen == 20 && memcmp(path, "/v1/chat/completions", 20) == 0) {
        int64_t now = mono_ns();
        if (ttft < 0) ttft = 0;
        if (itl < 0) itl = 0;
        if (tokens < 0) tokens = 0;
        if (tokens > 1e9) tokens = 1e9;
        c->tokens = (uint32_t) (tokens + 0.5);
        c->steps_total = c->tokens > 0 ? c->tokens : 1;
        c->steps_sent = 0;
        c->first_ns = now + (int64_t) (ttft * 1e6);
        c->itl_ns = (int64_t) (itl * 1e6);
        c->deadline_ns = c->first_ns;
        c->due_blocked = false;
        c->state = ST_STREAM;
        __atomic_fetch_add(&w->active_streams, 1, __ATOMIC_RELAXED);
        __atomic_fetch_add(&w->streams_started, 1, __ATOMIC_RELAXED);
        rc = conn_send(c, RESP_HEAD, sizeof RESP_HEAD - 1);
        heap_push(w, c, c->deadline_ns);
    } else if (is_get && plen >= 6 && memcmp(path, "/stats", 6) == 0 && (plen == 6 || path[6] == '?')) {
        bool reset = plen > 6 && memmem(path + 6, plen - 6, "reset=true", 10) != NULL;
        rc = send_stats(c, reset);
    } else if (is_get && plen == 7 && memcmp(path, "/health", 7) == 0) {
        rc = conn_send(c, HEALTH, sizeof HEALTH - 1);
    } else {
        rc = conn_send(c, NOT_FOUND, sizeof NOT_FOUND - 1);
    }
    /* consume the request */
    c->in_len -= total;
    if (c->in_len > 0) {
        memmove(c->in, c->in + total, c->in_len);
    }
    if (rc < 0) {
        return PARSE_CLOSE;
    }
    if (c->close_after && c->state == ST_READ) {
        return c->out_len == 0 ? PARSE_CLOSE : PARSE_MORE; /* else closed by conn_writable */
    }
    return PARSE_DONE;
}

/* Serves every complete request in c->in while not streaming; false when c was closed. */
static bool process_input(struct conn *c) {
    while (c->state == ST_READ && !c->close_after && c->in_len > 0) {
        int r = parse_one(c);
        if (r == PARSE_CLOSE) {
            conn_close(c);
            return false;
        }
        if (r == PARSE_MORE) {
            break;
        }
    }
    return true;
}

/* ---------------------------------------------------------------- pacing */

/* The step due now (or overdue) for c; false when c was closed. */
static bool fire(struct conn *c) {
    struct worker *w = c->w;
    if (c->out_len > 0) {
        c->due_blocked = true; /* resumed from EPOLLOUT once the earlier bytes are out */
        return true;
    }
    bool last = c->steps_sent + 1 >= c->steps_total;
    const char *p = last ? (c->tokens > 0 ? last_chunk : DONE_CHUNK) : event_chunk;
    size_t n = last ? (c->tokens > 0 ? last_chunk_len : sizeof DONE_CHUNK - 1) : event_chunk_len;
    int64_t t = mono_ns();
    hist_record(w->hist, t - c->deadline_ns);
    int rc = conn_send(c, p, n);
    __atomic_store_n(&w->events_sent, w->events_sent + (c->tokens > 0), __ATOMIC_RELAXED);
    if (rc < 0) {
        conn_close(c);
        return false;
    }
    c->steps_sent++;
    if (last) {
        c->state = ST_READ;
        __atomic_fetch_sub(&w->active_streams, 1, __ATOMIC_RELAXED);
        if (c->close_after) {
            if (c->out_len == 0) {
                conn_close(c);
                return false;
            }
            return true; /* closed once the rest is out (conn_writable) */
        }
        return process_input(c);
    }
    c->deadline_ns = c->first_ns + (int64_t) c->steps_sent * c->itl_ns;
    heap_push(w, c, c->deadline_ns);
    return true;
}

/* Sends the steps due by now (at most MAX_FIRES_PER_PASS, so that I/O is served between passes). */
static void run_timers(struct worker *w) {
    int64_t now = mono_ns();
    for (int fired = 0; w->heap_n > 0 && fired < MAX_FIRES_PER_PASS; fired++) {
        if (w->heap[0].at > now) {
            now = mono_ns();
            if (w->heap[0].at > now) {
                break;
            }
        }
        struct conn *c = w->heap[0].c;
        heap_remove(w, c);
        fire(c);
    }
}

/* ---------------------------------------------------------------- events */

/* Resumes a connection whose bytes were not all taken; false when c was closed. */
static bool conn_writable(struct conn *c) {
    if (c->out_len == 0) {
        return true;
    }
    if (conn_flush(c) < 0) {
        conn_close(c);
        return false;
    }
    if (c->out_len > 0) {
        return true;
    }
    if (c->state == ST_STREAM && c->due_blocked) {
        c->due_blocked = false;
        return fire(c);
    }
    if (c->state == ST_READ && c->close_after) {
        conn_close(c);
        return false;
    }
    return true;
}

static void conn_readable(struct conn *c, char *scratch) {
    for (;;) {
        ssize_t k = recv(c->fd, scratch, SCRATCH, MSG_DONTWAIT);
        if (k == 0) {
            conn_close(c);
            return;
        }
        if (k < 0) {
            if (errno == EINTR) {
                continue;
            }
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                break;
            }
            conn_close(c);
            return;
        }
        if (c->in_len + (size_t) k > MAX_IN) {
            conn_close(c);
            return;
        }
        if (c->in_len + (size_t) k > c->in_cap) {
            size_t cap = c->in_cap ? c->in_cap : 512;
            while (cap < c->in_len + (size_t) k) {
                cap *= 2;
            }
            char *in = realloc(c->in, cap);
            if (!in) {
                conn_close(c);
                return;
            }
            c->in = in;
            c->in_cap = cap;
        }
        memcpy(c->in + c->in_len, scratch, (size_t) k);
        c->in_len += (size_t) k;
        if (k < SCRATCH) {
            break; /* drained (edge-triggered: more data later raises a new event) */
        }
    }
    process_input(c);
}

static void accept_some(struct worker *w) {
    for (int i = 0; i < 256; i++) {
        int fd = accept4(w->lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED) {
                continue;
            }
            if (errno != EAGAIN && errno != EWOULDBLOCK) {
                static int warned;
                if (!__atomic_exchange_n(&warned, 1, __ATOMIC_RELAXED)) {
                    perror("paced-floor: accept4");
                }
            }
            return;
        }
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        struct conn *c = calloc(1, sizeof *c);
        if (!c) {
            close(fd);
            return;
        }
        c->fd = fd;
        c->w = w;
        c->heap_idx = -1;
        c->state = ST_READ;
        struct epoll_event ev = {.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET, .data.ptr = c};
        if (epoll_ctl(w->ep, EPOLL_CTL_ADD, fd, &ev) < 0) {
            close(fd);
            free(c);
        }
    }
}

static int wait_events(struct worker *w, struct epoll_event *evs, int64_t timeout_ns) {
    if (have_pwait2) {
        struct timespec ts = {timeout_ns / 1000000000LL, timeout_ns % 1000000000LL};
        int n = epoll_pwait2(w->ep, evs, MAX_EVENTS, timeout_ns < 0 ? NULL : &ts, NULL);
        if (n >= 0 || errno != ENOSYS) {
            return n;
        }
        have_pwait2 = false;
    }
    int ms = timeout_ns < 0 ? -1 : (int) ((timeout_ns + 999999) / 1000000);
    return epoll_wait(w->ep, evs, MAX_EVENTS, ms);
}

static void *worker_main(void *arg) {
    struct worker *w = arg;
    prctl(PR_SET_TIMERSLACK, slack_ns, 0, 0, 0);
    char *scratch = malloc(SCRATCH);
    struct epoll_event evs[MAX_EVENTS];
    for (;;) {
        run_timers(w);
        int64_t timeout = -1;
        if (w->heap_n > 0) {
            timeout = w->heap[0].at - mono_ns();
            if (timeout <= busy_ns) {
                timeout = 0;
            }
        }
        int n = wait_events(w, evs, timeout);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            perror("paced-floor: epoll_wait");
            exit(1);
        }
        for (int i = 0; i < n; i++) {
            struct conn *c = evs[i].data.ptr;
            if (!c) {
                accept_some(w);
                continue;
            }
            uint32_t e = evs[i].events;
            if (e & EPOLLERR) {
                conn_close(c);
                continue;
            }
            if ((e & EPOLLOUT) && !conn_writable(c)) {
                continue; /* closed */
            }
            if (e & (EPOLLIN | EPOLLRDHUP | EPOLLHUP)) {
                conn_readable(c, scratch);
            }
        }
    }
    return NULL;
}

/* ---------------------------------------------------------------- /stats */

static int send_stats(struct conn *c, bool reset) {
    static uint64_t merged[NBUCKETS];
    static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_lock(&lock);
    memset(merged, 0, sizeof merged);
    uint64_t count = 0, sum = 0, max = 0, events = 0, started = 0;
    int64_t active = 0;
    for (int t = 0; t < nworkers; t++) {
        struct hist *h = workers[t].hist;
        for (int i = 0; i < NBUCKETS; i++) {
            uint64_t v = reset ? __atomic_exchange_n(&h->counts[i], 0, __ATOMIC_RELAXED)
                               : __atomic_load_n(&h->counts[i], __ATOMIC_RELAXED);
            merged[i] += v;
            count += v;
        }
        sum += reset ? __atomic_exchange_n(&h->sum_ns, 0, __ATOMIC_RELAXED) : __atomic_load_n(&h->sum_ns, __ATOMIC_RELAXED);
        uint64_t m = reset ? __atomic_exchange_n(&h->max_ns, 0, __ATOMIC_RELAXED) : __atomic_load_n(&h->max_ns, __ATOMIC_RELAXED);
        if (m > max) {
            max = m;
        }
        events += __atomic_load_n(&workers[t].events_sent, __ATOMIC_RELAXED);
        started += __atomic_load_n(&workers[t].streams_started, __ATOMIC_RELAXED);
        active += __atomic_load_n(&workers[t].active_streams, __ATOMIC_RELAXED);
    }
    static const double pct[] = {50, 90, 99, 99.9};
    double at[4] = {0, 0, 0, 0};
    for (int p = 0; p < 4; p++) {
        if (count == 0) {
            break;
        }
        double exact = pct[p] / 100.0 * (double) count;
        uint64_t want = (uint64_t) exact;
        if ((double) want < exact) {
            want++;
        }
        if (want < 1) {
            want = 1;
        }
        uint64_t cum = 0;
        for (int i = 0; i < NBUCKETS; i++) {
            cum += merged[i];
            if (cum >= want) {
                uint64_t v = bucket_high(i);
                at[p] = (double) (v < max ? v : max) / 1000.0;
                break;
            }
        }
    }
    pthread_mutex_unlock(&lock);
    char body[512];
    int blen = snprintf(body, sizeof body,
            "{\"uptime_ms\":%lld,\"threads\":%d,\"active_streams\":%lld,\"streams_started\":%llu,"
            "\"events_sent\":%llu,\"pace_lateness_us\":{\"count\":%llu,\"mean\":%.3f,\"p50\":%.3f,"
            "\"p90\":%.3f,\"p99\":%.3f,\"p999\":%.3f,\"max\":%.3f}}\n",
            (long long) ((mono_ns() - start_ns) / 1000000), nworkers, (long long) active,
            (unsigned long long) started, (unsigned long long) events, (unsigned long long) count,
            count ? (double) sum / (double) count / 1000.0 : 0.0, at[0], at[1], at[2], at[3],
            (double) max / 1000.0);
    char resp[768];
    int rlen = snprintf(resp, sizeof resp,
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", blen, body);
    return conn_send(c, resp, (size_t) rlen);
}

/* ---------------------------------------------------------------- main */

static int make_listener(int port) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        perror("paced-floor: socket");
        exit(1);
    }
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t) port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *) &a, sizeof a) < 0) {
        perror("paced-floor: bind");
        exit(1);
    }
    if (listen(fd, 65535) < 0) {
        perror("paced-floor: listen");
        exit(1);
    }
    return fd;
}

static void usage(void) {
    fprintf(stderr, "usage: paced-floor [-t THREADS] [-b BUSY_US] [-s SLACK_US] PORT   (PORT 0: any free port)\n");
    exit(2);
}

int main(int argc, char **argv) {
    int opt;
    while ((opt = getopt(argc, argv, "t:b:s:")) != -1) {
        switch (opt) {
        case 't':
            nworkers = atoi(optarg);
            break;
        case 'b':
            busy_ns = (int64_t) (atof(optarg) * 1000.0);
            break;
        case 's':
            slack_ns = (unsigned long) (atof(optarg) * 1000.0);
            if (slack_ns < 1) {
                slack_ns = 1;
            }
            break;
        default:
            usage();
        }
    }
    if (optind != argc - 1 || nworkers < 1 || nworkers > 256) {
        usage();
    }
    int port = atoi(argv[optind]);
    if (port < 0 || port > 65535) {
        usage();
    }
    signal(SIGPIPE, SIG_IGN);
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
    build_chunks();
    start_ns = mono_ns();

    workers = aligned_alloc(64, sizeof *workers * (size_t) nworkers);
    memset(workers, 0, sizeof *workers * (size_t) nworkers);
    for (int t = 0; t < nworkers; t++) {
        struct worker *w = &workers[t];
        w->id = t;
        w->rng = 0x9E3779B97F4A7C15ULL * (uint64_t) (t + 1) ^ (uint64_t) mono_ns();
        if (!w->rng) {
            w->rng = 1;
        }
        w->hist = aligned_alloc(64, (sizeof(struct hist) + 63) / 64 * 64);
        memset(w->hist, 0, sizeof(struct hist));
        w->lfd = make_listener(port);
        if (port == 0) { /* the others join the port the kernel gave the first */
            struct sockaddr_in a;
            socklen_t len = sizeof a;
            getsockname(w->lfd, (struct sockaddr *) &a, &len);
            port = ntohs(a.sin_port);
        }
        w->ep = epoll_create1(EPOLL_CLOEXEC);
        struct epoll_event ev = {.events = EPOLLIN, .data.ptr = NULL};
        epoll_ctl(w->ep, EPOLL_CTL_ADD, w->lfd, &ev);
    }
    getrlimit(RLIMIT_NOFILE, &rl);
    printf("paced-floor: listening on 127.0.0.1:%d threads=%d busy_us=%.1f slack_us=%.3f nofile=%llu "
            "event_bytes=%zu\n", port, nworkers, (double) busy_ns / 1000.0, (double) slack_ns / 1000.0, (unsigned long long) rl.rlim_cur, event_chunk_len);
    fflush(stdout);
    for (int t = 1; t < nworkers; t++) {
        pthread_t th;
        if (pthread_create(&th, NULL, worker_main, &workers[t]) != 0) {
            perror("paced-floor: pthread_create");
            exit(1);
        }
    }
    worker_main(&workers[0]);
    return 0;
}
