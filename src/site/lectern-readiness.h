/* lectern-readiness.h: what the site would show wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-site-folder.h"
#include "lectern-store.h"

G_BEGIN_DECLS

typedef enum
{
  LECTERN_READINESS_WARNING,   /* the site works, but looks unfinished */
  LECTERN_READINESS_ERROR,     /* something will not show, or collide */
} LecternReadinessLevel;

typedef struct
{
  LecternReadinessLevel  level;
  char                  *message;
  char                  *slug;       /* the card concerned, or NULL */
  gint64                 person_id;  /* the person concerned, or 0 */
  const char            *check;      /* a schedule check ("room-overlap"), or NULL */
  gint64                 slot_id;    /* the slot concerned, or 0 */
  gint64                 sponsor_id; /* the sponsor concerned, or 0 */
  const char            *field;      /* what to fill in: "photo", "affiliation",
                                        "homepage", "logo", "url"; or NULL */
} LecternReadinessItem;

void       lectern_readiness_item_free (LecternReadinessItem *item);
GPtrArray *lectern_readiness_check     (LecternStore       *store,
                                        LecternSiteFolder  *site,
                                        GError            **error);
GPtrArray *lectern_site_shown_categories (const char  *page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternReadinessItem, lectern_readiness_item_free)

G_END_DECLS
