/* fileobject.h -- file objects (prefix RpFile_): sys.std* and open().
 * fileobject.c. */
#ifndef RP_FILEOBJECT_H
#define RP_FILEOBJECT_H
#ifndef RP_BUILD_CORE
#error "internal header: build refpy with -DRP_BUILD_CORE"
#endif
#include "../objects/object.h"

extern RpTypeObject RpFile_Type;
int RpFile_Check(RpObject *o);
/* Wrap an existing descriptor ("r", "w", "rb", ...); closefd 0 leaves it open. */
RpObject *RpFile_FromFd(int fd, const char *name, const char *mode, int closefd);
/* open(file, mode, buffering): file is a path str or an int descriptor. */
RpObject *RpFile_Open(RpObject *file, const char *mode, int buffering, int closefd);
/* Fast paths for print(): write UTF-8 text, flush. 0 / -1. */
int _RpFile_WriteUTF8(RpObject *file, const char *s, Rp_ssize_t n);
int _RpFile_Flush(RpObject *file);
/* -u / PYTHONUNBUFFERED: std streams write through. */
void _RpFile_SetUnbuffered(int on);

#endif
