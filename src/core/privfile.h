/*
 * privfile.h - files bizutils writes for its user alone: made 0600, never
 * through a name that exists (a symlink someone planted is not followed).
 */
#ifndef PRIVFILE_H
#define PRIVFILE_H

#include "biz.h"

/* Creates path for writing, 0600; the fd, or -1 with errno set. */
int private_create(const char *path);

/*
 * Creates a new private file beside path, named path.tmp.PID (a stale one
 * of that name is removed first), to be renamed over path when complete.
 * tmp receives its name.  Returns the fd, or -1 with errno set.
 */
int private_create_beside(const char *path, struct strbuf *tmp);

#endif
