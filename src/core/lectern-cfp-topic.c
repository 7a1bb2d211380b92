/* lectern-cfp-topic.c: A topic of the call for papers: a group, or an item of one
 *
 * Generated once from a field list, then kept by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-cfp-topic"

#include "config.h"

#include "lectern-cfp-topic.h"

struct _LecternCfpTopic
{
  GObject parent_instance;

  gint64         id;
  gint64         rev;
  gint64         parent_id;
  char           *text;
  int            position;
};

G_DEFINE_FINAL_TYPE (LecternCfpTopic, lectern_cfp_topic, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REV,
  PROP_PARENT_ID,
  PROP_TEXT,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lectern_cfp_topic_finalize (GObject *object)
{
  LecternCfpTopic *self = (LecternCfpTopic *) object;

  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (lectern_cfp_topic_parent_class)->finalize (object);
}

static void
lectern_cfp_topic_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LecternCfpTopic *self = LECTERN_CFP_TOPIC (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_REV:
      g_value_set_int64 (value, self->rev);
      break;

    case PROP_PARENT_ID:
      g_value_set_int64 (value, self->parent_id);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_cfp_topic_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LecternCfpTopic *self = LECTERN_CFP_TOPIC (object);

  switch (prop_id)
    {
    case PROP_ID:
      lectern_cfp_topic_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_REV:
      lectern_cfp_topic_set_rev (self, g_value_get_int64 (value));
      break;

    case PROP_PARENT_ID:
      lectern_cfp_topic_set_parent_id (self, g_value_get_int64 (value));
      break;

    case PROP_TEXT:
      lectern_cfp_topic_set_text (self, g_value_get_string (value));
      break;

    case PROP_POSITION:
      lectern_cfp_topic_set_position (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_cfp_topic_class_init (LecternCfpTopicClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lectern_cfp_topic_finalize;
  object_class->get_property = lectern_cfp_topic_get_property;
  object_class->set_property = lectern_cfp_topic_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REV] =
    g_param_spec_int64 ("rev", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PARENT_ID] =
    g_param_spec_int64 ("parent-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lectern_cfp_topic_init (LecternCfpTopic *self)
{
}

LecternCfpTopic *
lectern_cfp_topic_new (void)
{
  return g_object_new (LECTERN_TYPE_CFP_TOPIC, NULL);
}

/* A detached copy, for editing without touching the shown object. */
LecternCfpTopic *
lectern_cfp_topic_copy (LecternCfpTopic *self)
{
  LecternCfpTopic *copy;

  g_return_val_if_fail (LECTERN_IS_CFP_TOPIC (self), NULL);

  copy = lectern_cfp_topic_new ();
  copy->id = self->id;
  copy->rev = self->rev;
  copy->parent_id = self->parent_id;
  copy->text = g_strdup (self->text);
  copy->position = self->position;

  return copy;
}

gint64
lectern_cfp_topic_get_id (LecternCfpTopic *self)
{
  g_return_val_if_fail (LECTERN_IS_CFP_TOPIC (self), 0);

  return self->id;
}

void
lectern_cfp_topic_set_id (LecternCfpTopic *self,
                         gint64 value)
{
  g_return_if_fail (LECTERN_IS_CFP_TOPIC (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
lectern_cfp_topic_get_rev (LecternCfpTopic *self)
{
  g_return_val_if_fail (LECTERN_IS_CFP_TOPIC (self), 0);

  return self->rev;
}

void
lectern_cfp_topic_set_rev (LecternCfpTopic *self,
                          gint64 value)
{
  g_return_if_fail (LECTERN_IS_CFP_TOPIC (self));

  if (self->rev == value)
    return;

  self->rev = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REV]);
}

gint64
lectern_cfp_topic_get_parent_id (LecternCfpTopic *self)
{
  g_return_val_if_fail (LECTERN_IS_CFP_TOPIC (self), 0);

  return self->parent_id;
}

void
lectern_cfp_topic_set_parent_id (LecternCfpTopic *self,
                                gint64 value)
{
  g_return_if_fail (LECTERN_IS_CFP_TOPIC (self));

  if (self->parent_id == value)
    return;

  self->parent_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_ID]);
}

const char *
lectern_cfp_topic_get_text (LecternCfpTopic *self)
{
  g_return_val_if_fail (LECTERN_IS_CFP_TOPIC (self), NULL);

  return self->text;
}

void
lectern_cfp_topic_set_text (LecternCfpTopic *self,
                           const char *value)
{
  g_return_if_fail (LECTERN_IS_CFP_TOPIC (self));

  if (g_strcmp0 (self->text, value) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

int
lectern_cfp_topic_get_position (LecternCfpTopic *self)
{
  g_return_val_if_fail (LECTERN_IS_CFP_TOPIC (self), 0);

  return self->position;
}

void
lectern_cfp_topic_set_position (LecternCfpTopic *self,
                               int value)
{
  g_return_if_fail (LECTERN_IS_CFP_TOPIC (self));

  if (self->position == value)
    return;

  self->position = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}
