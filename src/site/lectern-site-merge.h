/* lectern-site-merge.h: a site imported into an existing workshop file,
 * as differences to accept or reject
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lectern-store.h"

G_BEGIN_DECLS

typedef enum
{
  LECTERN_MERGE_NEW_CARD,     /* a card the workshop file does not have */
  LECTERN_MERGE_NEW_SPONSOR,
  LECTERN_MERGE_PERSON,       /* a field of a card's person */
  LECTERN_MERGE_CARD,         /* a card's list, or whether it is hidden */
  LECTERN_MERGE_SPONSOR,      /* a field of a sponsor */
  LECTERN_MERGE_EVENT,        /* an event detail the home page states */
  LECTERN_MERGE_SCHEDULE,     /* the schedule table, taken whole */
} LecternMergeKind;

typedef struct
{
  LecternMergeKind  kind;
  char             *path;      /* the site's file it comes from */
  char             *subject;   /* whose: a person's or a sponsor's name, or the event's */
  char             *field;     /* in the organizers' words: "affiliation", "link", … */
  char             *ours;      /* the workshop file's value, as text ("" if none) */
  char             *theirs;    /* the site's */
  gboolean          accepted;
  /*< private >*/
  int               key;
  gint64            id;
} LecternMergeDifference;

#define LECTERN_TYPE_SITE_MERGE (lectern_site_merge_get_type ())
G_DECLARE_FINAL_TYPE (LecternSiteMerge, lectern_site_merge, LECTERN, SITE_MERGE, GObject)

LecternSiteMerge *lectern_site_merge_new             (LecternStore      *store,
                                                      const char        *site_dir,
                                                      GError           **error);
GPtrArray        *lectern_site_merge_get_differences (LecternSiteMerge  *self);
GPtrArray        *lectern_site_merge_get_notes       (LecternSiteMerge  *self);
void              lectern_site_merge_accept_all      (LecternSiteMerge  *self);
void              lectern_site_merge_accept_new      (LecternSiteMerge  *self);
guint             lectern_site_merge_apply           (LecternSiteMerge  *self,
                                                      GError           **error);
char             *lectern_merge_difference_describe  (const LecternMergeDifference *difference);

G_END_DECLS
