/* lectern-cfp-topic.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LECTERN_TYPE_CFP_TOPIC (lectern_cfp_topic_get_type ())

G_DECLARE_FINAL_TYPE (LecternCfpTopic, lectern_cfp_topic, LECTERN, CFP_TOPIC, GObject)

LecternCfpTopic *lectern_cfp_topic_new (void);
LecternCfpTopic *lectern_cfp_topic_copy (LecternCfpTopic *self);
gint64          lectern_cfp_topic_get_id (LecternCfpTopic *self);
void            lectern_cfp_topic_set_id (LecternCfpTopic *self,
                                       gint64 value);
gint64          lectern_cfp_topic_get_rev (LecternCfpTopic *self);
void            lectern_cfp_topic_set_rev (LecternCfpTopic *self,
                                       gint64 value);
gint64          lectern_cfp_topic_get_parent_id (LecternCfpTopic *self);
void            lectern_cfp_topic_set_parent_id (LecternCfpTopic *self,
                                       gint64 value);
const char *    lectern_cfp_topic_get_text (LecternCfpTopic *self);
void            lectern_cfp_topic_set_text (LecternCfpTopic *self,
                                       const char *value);
int             lectern_cfp_topic_get_position (LecternCfpTopic *self);
void            lectern_cfp_topic_set_position (LecternCfpTopic *self,
                                       int value);

G_END_DECLS
