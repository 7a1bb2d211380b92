/* lectern-entity.c: what every row object of the workshop file shares
 *
 * Copying one (its own copy: the one path that keeps what properties do
 * not carry, a slot's people and links), its id, comparing one property
 * of two, and the three-way merge of a concurrent edit: which fields of
 * the organizer's edit can be laid over a colleague's newer version, and
 * whether any field was changed by both, to different values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lectern-entity.h"
#include "lectern-store.h"
#include "lectern-store-cfp.h"

/**
 * lectern_object_copy:
 * @object: a person, card, sponsor, event, day, room, session or slot
 *
 * The entity's own copy, the one path that keeps what properties do not
 * carry (a slot's people and links, a card's person).
 *
 * Returns: (transfer full): a detached copy
 */
gpointer
lectern_object_copy (gpointer object)
{
  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  if (LECTERN_IS_PERSON (object))
    return lectern_person_copy (object);
  if (LECTERN_IS_CARD (object))
    return lectern_card_copy (object);
  if (LECTERN_IS_SPONSOR (object))
    return lectern_sponsor_copy (object);
  if (LECTERN_IS_EVENT (object))
    return lectern_event_copy (object);
  if (LECTERN_IS_DAY (object))
    return lectern_day_copy (object);
  if (LECTERN_IS_ROOM (object))
    return lectern_room_copy (object);
  if (LECTERN_IS_SESSION (object))
    return lectern_session_copy (object);
  if (LECTERN_IS_SLOT (object))
    return lectern_slot_copy (object);
  if (LECTERN_IS_CFP (object))
    return lectern_cfp_copy (object);
  if (LECTERN_IS_CFP_DATE (object))
    return lectern_cfp_date_copy (object);
  if (LECTERN_IS_CFP_TOPIC (object))
    return lectern_cfp_topic_copy (object);

  g_return_val_if_reached (NULL);
}

/* The row id of @object, or 0 when it has none (the event). */
gint64
lectern_object_get_id (gpointer object)
{
  gint64 id = 0;

  g_return_val_if_fail (G_IS_OBJECT (object), 0);

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (object), "id") != NULL)
    g_object_get (object, "id", &id, NULL);

  return id;
}

/* Do @a and @b hold the same value of @property? */
gboolean
lectern_object_values_equal (gpointer    a,
                             gpointer    b,
                             const char *property)
{
  GParamSpec *pspec;
  g_auto(GValue) va = G_VALUE_INIT;
  g_auto(GValue) vb = G_VALUE_INIT;

  g_return_val_if_fail (G_IS_OBJECT (a), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (b), FALSE);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (a), property);
  g_return_val_if_fail (pspec != NULL, TRUE);

  g_value_init (&va, pspec->value_type);
  g_value_init (&vb, pspec->value_type);
  g_object_get_property (a, property, &va);
  g_object_get_property (b, property, &vb);

  if (pspec->value_type == G_TYPE_BYTES)
    {
      GBytes *ba = g_value_get_boxed (&va);
      GBytes *bb = g_value_get_boxed (&vb);

      if (ba == NULL || bb == NULL)
        return ba == bb;
      return g_bytes_equal (ba, bb);
    }

  if (pspec->value_type == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (&va) ? g_value_get_string (&va) : "",
                      g_value_get_string (&vb) ? g_value_get_string (&vb) : "") == 0;

  return g_param_values_cmp (pspec, &va, &vb) == 0;
}

/**
 * lectern_object_merge:
 * @base: the row as the organizer started editing it
 * @mine: the organizer's edit
 * @theirs: the row as it is in the file now (a colleague's)
 * @properties: (array length=n_properties): the fields the edit may touch
 * @merged: (out) (transfer full): @theirs with every field the organizer
 *   changed taken from @mine
 *
 * Returns: %TRUE when a field was changed by both, to different values:
 *   the organizer has to choose
 */
gboolean
lectern_object_merge (gpointer           base,
                      gpointer           mine,
                      gpointer           theirs,
                      const char * const *properties,
                      guint              n_properties,
                      gpointer          *merged)
{
  GObject *result;
  gboolean conflicting = FALSE;

  g_return_val_if_fail (G_IS_OBJECT (base) && G_IS_OBJECT (mine) && G_IS_OBJECT (theirs), TRUE);
  g_return_val_if_fail (merged != NULL, TRUE);

  result = lectern_object_copy (theirs);
  for (guint i = 0; i < n_properties; i++)
    {
      const char *property = properties[i];
      g_auto(GValue) value = G_VALUE_INIT;

      if (lectern_object_values_equal (mine, base, property))
        continue;

      g_value_init (&value, g_object_class_find_property (G_OBJECT_GET_CLASS (theirs), property)->value_type);
      g_object_get_property (mine, property, &value);
      g_object_set_property (result, property, &value);

      if (!lectern_object_values_equal (theirs, base, property) &&
          !lectern_object_values_equal (theirs, mine, property))
        conflicting = TRUE;
    }

  *merged = result;
  return conflicting;
}

/**
 * lectern_object_array_from_model:
 * @model: a list of objects
 *
 * The items of @model in an array: two threads may read an array at
 * once, not a GListStore (its lookups cache the last position).
 *
 * Returns: (transfer full) (element-type GObject): the items, each
 *   with a reference
 */
GPtrArray *
lectern_object_array_from_model (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  GPtrArray *array = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (model, i));

  return array;
}
