// A small C shim over libedit for Swift.
//
// el_set, el_get and history are C variadic functions, which Swift cannot
// call; each use gets a fixed-signature static inline wrapper here. Swift 6
// also refuses the C `stdin`/`stdout` globals, so they come from functions.
// The signal handlers live here too: they must only touch async-signal-safe
// state, which is easiest to guarantee in C.
#ifndef ESCALATE_LIBEDIT_SHIM_H
#define ESCALATE_LIBEDIT_SHIM_H

#include <errno.h>
#include <histedit.h>
#include <signal.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

static inline FILE *esc_stdin(void) { return stdin; }
static inline FILE *esc_stdout(void) { return stdout; }
static inline FILE *esc_stderr(void) { return stderr; }

static inline int esc_el_set_prompt(EditLine *el, char *(*fn)(EditLine *)) { return el_set(el, EL_PROMPT, fn); }
static inline int esc_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int esc_el_set_hist(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
static inline int esc_el_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int esc_el_set_clientdata(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }
static inline void *esc_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
static inline int esc_el_addfn(EditLine *el, const char *name, const char *help, unsigned char (*fn)(EditLine *, int)) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int esc_el_bind(EditLine *el, const char *key, const char *fn) { return el_set(el, EL_BIND, key, fn, NULL); }

static inline int esc_history_setsize(History *h, HistEvent *ev, int size) { return history(h, ev, H_SETSIZE, size); }
static inline int esc_history_setunique(History *h, HistEvent *ev, int on) { return history(h, ev, H_SETUNIQUE, on); }
static inline int esc_history_enter(History *h, HistEvent *ev, const char *line) { return history(h, ev, H_ENTER, line); }
static inline int esc_history_load(History *h, HistEvent *ev, const char *file) { return history(h, ev, H_LOAD, file); }
static inline int esc_history_save(History *h, HistEvent *ev, const char *file) { return history(h, ev, H_SAVE, file); }
static inline int esc_history_last(History *h, HistEvent *ev) { return history(h, ev, H_LAST); }
static inline int esc_history_prev(History *h, HistEvent *ev) { return history(h, ev, H_PREV); }

// Terminal state and signals. SIGINT is installed without SA_RESTART, so that
// a Ctrl-C interrupts el_gets (which then returns NULL with errno EINTR) and
// the line is cancelled. SIGTERM, SIGHUP and SIGQUIT restore the terminal
// settings saved at start and then die of the same signal.
// The state lives in function-local statics: Swift's importer emits the
// inline functions of a header, but not its file-scope variables.
static inline volatile sig_atomic_t *esc_sigint_flag(void) {
    static volatile sig_atomic_t flag = 0;
    return &flag;
}

static inline volatile sig_atomic_t *esc_termios_saved_flag(void) {
    static volatile sig_atomic_t saved = 0;
    return &saved;
}

static inline struct termios *esc_saved_termios(void) {
    static struct termios saved;
    return &saved;
}

/// The thread blocked reading a line. A process-directed SIGINT may land on
/// any thread (the REPL runs on Swift's thread pool); it is passed on to the
/// reading thread so that its read returns EINTR and the line is cancelled.
static inline pthread_t *esc_reading_thread(void) {
    static pthread_t thread;
    return &thread;
}

static inline volatile sig_atomic_t *esc_reading_flag(void) {
    static volatile sig_atomic_t reading = 0;
    return &reading;
}

static inline void esc_on_sigint(int sig) {
    *esc_sigint_flag() = 1;
    if (*esc_reading_flag() && !pthread_equal(pthread_self(), *esc_reading_thread())) {
        pthread_kill(*esc_reading_thread(), sig);
    }
}

static inline sigset_t *esc_mask_before_reading(void) {
    static sigset_t mask;
    return &mask;
}

/// Marks the calling thread as the one reading a line, until
/// `esc_end_reading`. Threads of Swift's pool start with signals blocked,
/// so SIGINT is unblocked here while the line is read, and the mask put
/// back afterwards.
static inline void esc_begin_reading(void) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_UNBLOCK, &set, esc_mask_before_reading());
    *esc_reading_thread() = pthread_self();
    *esc_reading_flag() = 1;
}

static inline void esc_end_reading(void) {
    *esc_reading_flag() = 0;
    pthread_sigmask(SIG_SETMASK, esc_mask_before_reading(), NULL);
}

static inline void esc_on_fatal_signal(int sig) {
    if (*esc_termios_saved_flag()) tcsetattr(STDIN_FILENO, TCSANOW, esc_saved_termios());
    signal(sig, SIG_DFL);
    raise(sig);
}

static inline int esc_save_terminal(void) {
    if (tcgetattr(STDIN_FILENO, esc_saved_termios()) != 0) return -1;
    *esc_termios_saved_flag() = 1;
    return 0;
}

static inline void esc_restore_terminal(void) {
    if (*esc_termios_saved_flag()) tcsetattr(STDIN_FILENO, TCSANOW, esc_saved_termios());
}

static inline int esc_install_signal_handlers(void) {
    struct sigaction interrupt;
    memset(&interrupt, 0, sizeof interrupt);
    interrupt.sa_handler = esc_on_sigint;
    sigemptyset(&interrupt.sa_mask);
    interrupt.sa_flags = 0;  // no SA_RESTART: el_gets must see EINTR
    if (sigaction(SIGINT, &interrupt, NULL) != 0) return -1;

    struct sigaction fatal;
    memset(&fatal, 0, sizeof fatal);
    fatal.sa_handler = esc_on_fatal_signal;
    sigemptyset(&fatal.sa_mask);
    fatal.sa_flags = 0;
    sigaction(SIGTERM, &fatal, NULL);
    sigaction(SIGHUP, &fatal, NULL);
    sigaction(SIGQUIT, &fatal, NULL);
    return 0;
}

/// Unblocks the signals that end or interrupt a session. A parent may start
/// us with them blocked (a blocked mask is inherited across exec), and then
/// Ctrl-C and `kill` would be silently ignored.
static inline void esc_unblock_session_signals(void) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGQUIT);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

/// Returns 1 and clears the flag if a SIGINT arrived since the last call.
static inline int esc_take_sigint(void) {
    int seen = *esc_sigint_flag();
    *esc_sigint_flag() = 0;
    return seen;
}

static inline int esc_errno(void) { return errno; }
static inline void esc_clear_errno(void) { errno = 0; }

/// The terminal's width in columns, or 0 when unknown.
static inline int esc_terminal_columns(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) == 0) return size.ws_col;
    return 0;
}

#endif
