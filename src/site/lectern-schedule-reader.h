/* lectern-schedule-reader.h: the schedule table(s) of a workshop's home
 * page, read into days, sessions and slots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "lectern-types.h"

G_BEGIN_DECLS

typedef struct
{
  char                  *name;
  char                  *affiliation;   /* or NULL */
  LecternAppearanceRole  role;
  guint                  line;
} LecternReadPerson;

typedef struct
{
  guint            line;        /* of the slot's first row */
  int              start;       /* minutes of the day */
  int              duration;
  LecternSlotKind  kind;
  char            *emoji;
  char            *title;
  char            *abstract;
  char            *note;
  char            *note_link_text;
  char            *note_url;
  char            *sponsor;     /* a sponsor's name, "*sponsored by …*" */
  int              session;     /* in the day's sessions, or -1 */
  GPtrArray       *people;      /* LecternReadPerson */
  GPtrArray       *links;       /* LecternLink */
} LecternReadSlot;

typedef struct
{
  char  *title;
  char  *emoji;
  guint  line;
  int    start;   /* the heading's time, or -1 */
} LecternReadSession;

typedef struct
{
  char      *date;       /* "YYYY-MM-DD", or NULL when the page does not say */
  guint      line;
  GPtrArray *sessions;   /* LecternReadSession */
  GPtrArray *slots;      /* LecternReadSlot, in time order */
} LecternReadDay;

typedef struct
{
  GPtrArray *days;       /* LecternReadDay */
  GPtrArray *notes;      /* char *: "_pages/about.md, line 42: …" */
  guint      first_line; /* of the first table, 0 when there is none */
  guint      last_line;
  gboolean   draft;      /* read from a table inside an HTML comment */
} LecternReadSchedule;

LecternReadSchedule *lectern_schedule_read      (const char          *page,
                                                 gsize                length,
                                                 const char          *path,
                                                 int                  year,
                                                 GError             **error);
void                 lectern_read_schedule_free (LecternReadSchedule *schedule);
guint                lectern_read_schedule_count_slots (LecternReadSchedule *schedule);
char                *lectern_schedule_parse_date (const char          *text,
                                                  int                  year);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternReadSchedule, lectern_read_schedule_free)

G_END_DECLS
