/* lectern-cfp-deadline.h: the call's dates: their kinds, zones, moments
 * and what they say about the call's state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-cfp.h"
#include "lectern-cfp-date.h"

G_BEGIN_DECLS

typedef enum
{
  LECTERN_CFP_UPCOMING,   /* no deadline or no submission link yet */
  LECTERN_CFP_OPEN,       /* before the deadline */
  LECTERN_CFP_EXTENDED,   /* before a deadline that was moved later */
  LECTERN_CFP_CLOSED,     /* after the deadline */
} LecternCfpState;

gboolean         lectern_cfp_kind_is_valid       (const char      *kind);
const char      *lectern_cfp_kind_get_label      (const char      *kind);
const char      *lectern_cfp_kind_for_label      (const char      *label);
const char      *lectern_cfp_date_get_name       (LecternCfpDate  *date);
gboolean         lectern_cfp_zone_is_valid       (const char      *zone);
GTimeZone       *lectern_cfp_zone_new            (const char      *zone);
gboolean         lectern_cfp_date_validate       (LecternCfpDate  *date,
                                                  GError         **error);
gboolean         lectern_cfp_date_is_set         (LecternCfpDate  *date);
GDateTime       *lectern_cfp_date_dup_moment     (LecternCfpDate  *date);
char            *lectern_cfp_date_format_clock   (LecternCfpDate  *date);
char            *lectern_cfp_date_format_in      (LecternCfpDate  *date,
                                                  GTimeZone       *zone);
LecternCfpDate  *lectern_cfp_find_date           (GListModel      *dates,
                                                  const char      *kind);
LecternCfpState  lectern_cfp_get_state           (LecternCfp      *cfp,
                                                  GListModel      *dates,
                                                  GDateTime       *now);
const char      *lectern_cfp_state_to_string     (LecternCfpState  state);
GPtrArray       *lectern_cfp_check               (LecternCfp      *cfp,
                                                  GListModel      *dates);

G_END_DECLS
