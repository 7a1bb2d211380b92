/* lectern-site-program.h: the program's calendar and conference-app
 * files, where the site serves them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-event.h"
#include "lectern-site-tree.h"
#include "lectern-store.h"

G_BEGIN_DECLS

/* One of the files, and where attendees find it */
typedef struct
{
  const char *label;   /* "Calendar (iCalendar)", translated */
  const char *format;  /* "ics", "xml", "json" */
  char       *path;    /* in the site: "assets/schedule/schedule.ics" */
  char       *url;     /* on the web, or NULL while the site's address is not set */
} LecternProgramLink;

void       lectern_program_link_free   (LecternProgramLink *link);
GPtrArray *lectern_site_program_links  (LecternEvent       *event);
gboolean   lectern_site_has_program    (LecternStore       *store,
                                        gboolean           *has_program,
                                        GError            **error);
gboolean   lectern_site_program_wanted (LecternEvent       *event);
void       lectern_site_program_add_files (LecternSiteTree *tree,
                                           LecternEvent    *event,
                                           char            *ics,
                                           char            *xml,
                                           char            *json);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternProgramLink, lectern_program_link_free)

G_END_DECLS
