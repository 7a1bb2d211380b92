/* lectern-cfp.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LECTERN_TYPE_CFP (lectern_cfp_get_type ())

G_DECLARE_FINAL_TYPE (LecternCfp, lectern_cfp, LECTERN, CFP, GObject)

LecternCfp *lectern_cfp_new (void);
LecternCfp *lectern_cfp_copy (LecternCfp *self);
gint64          lectern_cfp_get_rev (LecternCfp *self);
void            lectern_cfp_set_rev (LecternCfp *self,
                                 gint64 value);
const char *    lectern_cfp_get_submission_url (LecternCfp *self);
void            lectern_cfp_set_submission_url (LecternCfp *self,
                                 const char *value);
const char *    lectern_cfp_get_submission_venue (LecternCfp *self);
void            lectern_cfp_set_submission_venue (LecternCfp *self,
                                 const char *value);
const char *    lectern_cfp_get_intro (LecternCfp *self);
void            lectern_cfp_set_intro (LecternCfp *self,
                                 const char *value);
const char *    lectern_cfp_get_details (LecternCfp *self);
void            lectern_cfp_set_details (LecternCfp *self,
                                 const char *value);
gboolean        lectern_cfp_get_published (LecternCfp *self);
void            lectern_cfp_set_published (LecternCfp *self,
                                 gboolean value);

G_END_DECLS
