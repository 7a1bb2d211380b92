/* lectern-site-page.h: Lectern's block in the site's home page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LECTERN_SCHEDULE_BEGIN_MARKER "<!-- lectern:schedule:begin (written by Lectern: edit the schedule in Lectern, not here) -->"
#define LECTERN_SCHEDULE_END_MARKER   "<!-- lectern:schedule:end -->"
#define LECTERN_SITE_PAGE             "_pages/about.md"
#define LECTERN_SITE_SCHEDULE_DATA    "_data/schedule.yml"

#define LECTERN_SITE_CALL_PAGE        "_pages/call.md"
#define LECTERN_SITE_CFP_DATA         "_data/cfp.yml"

/* Where a block goes the first time, before its markers are there */
typedef enum
{
  LECTERN_SITE_PLACE_TABLE,   /* the note line and table under the heading (the schedule) */
  LECTERN_SITE_PLACE_LIST,    /* the list under the heading (the call's dates, topics) */
  LECTERN_SITE_PLACE_MARKERS, /* only where the organizers put the markers; else nowhere */
} LecternSitePlace;

/* One of Lectern's blocks in a page of the site's */
typedef struct
{
  char             *name;     /* "schedule": the markers' <!-- lectern:schedule:begin … --> */
  char             *what;     /* "the schedule", for messages */
  char             *heading;  /* the heading it goes under the first time: the line itself
                                 (TABLE), or words the heading has (LIST); NULL (MARKERS) */
  LecternSitePlace  place;
  char             *contents; /* the block, markers included */
} LecternSiteBlock;

char *lectern_site_page_place_block (const char  *page,
                                     const char  *heading,
                                     const char  *block,
                                     GError     **error);
char *lectern_site_page_place       (const char              *path,
                                     const char              *page,
                                     const LecternSiteBlock  *block,
                                     GError                 **error);
char *lectern_site_block_wrap       (const char  *name,
                                     const char  *about,
                                     const char  *text);
gboolean lectern_site_page_find_list (const char  *page,
                                     const char  *words,
                                     const char **heading,
                                     const char **list,
                                     const char **list_end);
char *lectern_site_page_find_block  (const char  *page,
                                     const char  *name,
                                     guint       *first_line);

G_END_DECLS
