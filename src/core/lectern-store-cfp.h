/* lectern-store-cfp.h: the call for papers in the workshop file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-cfp.h"
#include "lectern-cfp-date.h"
#include "lectern-cfp-topic.h"
#include "lectern-store.h"

G_BEGIN_DECLS

LecternCfp      *lectern_store_get_cfp          (LecternStore     *self,
                                                 GError          **error);
gboolean         lectern_store_update_cfp       (LecternStore     *self,
                                                 LecternCfp       *cfp,
                                                 GError          **error);

GListModel      *lectern_store_list_cfp_dates   (LecternStore     *self,
                                                 GError          **error);
LecternCfpDate  *lectern_store_add_cfp_date     (LecternStore     *self,
                                                 const char       *kind,
                                                 const char       *label,
                                                 GError          **error);
gboolean         lectern_store_update_cfp_date  (LecternStore     *self,
                                                 LecternCfpDate   *date,
                                                 GError          **error);
gboolean         lectern_store_remove_cfp_date  (LecternStore     *self,
                                                 LecternCfpDate   *date,
                                                 GError          **error);
gboolean         lectern_store_move_cfp_date    (LecternStore     *self,
                                                 LecternCfpDate   *date,
                                                 guint             position,
                                                 GError          **error);

GListModel      *lectern_store_list_cfp_topics  (LecternStore     *self,
                                                 gint64            parent_id,
                                                 GError          **error);
LecternCfpTopic *lectern_store_add_cfp_topic    (LecternStore     *self,
                                                 gint64            parent_id,
                                                 const char       *text,
                                                 GError          **error);
gboolean         lectern_store_update_cfp_topic (LecternStore     *self,
                                                 LecternCfpTopic  *topic,
                                                 GError          **error);
gboolean         lectern_store_remove_cfp_topic (LecternStore     *self,
                                                 LecternCfpTopic  *topic,
                                                 GError          **error);
gboolean         lectern_store_move_cfp_topic   (LecternStore     *self,
                                                 LecternCfpTopic  *topic,
                                                 guint             position,
                                                 GError          **error);

G_END_DECLS
