/* privfile.c - private files, created without following links. */
#include "privfile.h"

#include <fcntl.h>
#include <unistd.h>

#include "banned.h"

int private_create(const char *path)
{
	return open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0600);
}

int private_create_beside(const char *path, struct strbuf *tmp)
{
	strbuf_reset(tmp);
	strbuf_addf(tmp, "%s.tmp.%ld", path, (long)getpid());
	unlink(tmp->buf);
	return private_create(tmp->buf);
}
