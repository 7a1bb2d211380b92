/* lectern-cfp-date.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LECTERN_TYPE_CFP_DATE (lectern_cfp_date_get_type ())

G_DECLARE_FINAL_TYPE (LecternCfpDate, lectern_cfp_date, LECTERN, CFP_DATE, GObject)

LecternCfpDate *lectern_cfp_date_new (void);
LecternCfpDate *lectern_cfp_date_copy (LecternCfpDate *self);
gint64          lectern_cfp_date_get_id (LecternCfpDate *self);
void            lectern_cfp_date_set_id (LecternCfpDate *self,
                                      gint64 value);
gint64          lectern_cfp_date_get_rev (LecternCfpDate *self);
void            lectern_cfp_date_set_rev (LecternCfpDate *self,
                                      gint64 value);
const char *    lectern_cfp_date_get_kind (LecternCfpDate *self);
void            lectern_cfp_date_set_kind (LecternCfpDate *self,
                                      const char *value);
const char *    lectern_cfp_date_get_label (LecternCfpDate *self);
void            lectern_cfp_date_set_label (LecternCfpDate *self,
                                      const char *value);
const char *    lectern_cfp_date_get_date (LecternCfpDate *self);
void            lectern_cfp_date_set_date (LecternCfpDate *self,
                                      const char *value);
const char *    lectern_cfp_date_get_time (LecternCfpDate *self);
void            lectern_cfp_date_set_time (LecternCfpDate *self,
                                      const char *value);
const char *    lectern_cfp_date_get_zone (LecternCfpDate *self);
void            lectern_cfp_date_set_zone (LecternCfpDate *self,
                                      const char *value);
const char *    lectern_cfp_date_get_note (LecternCfpDate *self);
void            lectern_cfp_date_set_note (LecternCfpDate *self,
                                      const char *value);
const char *    lectern_cfp_date_get_extended_from (LecternCfpDate *self);
void            lectern_cfp_date_set_extended_from (LecternCfpDate *self,
                                      const char *value);
int             lectern_cfp_date_get_position (LecternCfpDate *self);
void            lectern_cfp_date_set_position (LecternCfpDate *self,
                                      int value);

G_END_DECLS
