/* lectern-timeline-draw.c: how the timeline looks
 *
 * The hours and half hours with the ruler's labels, the rooms' columns
 * and names, the sessions' bands, the cards, and while a slot is dragged
 * the times its people are away and the ghost with its time and check.
 * Colors are the style's named colors, so the dark and high-contrast
 * styles follow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-schedule-ops.h"
#include "lectern-slot-card.h"
#include "lectern-timeline-private.h"

static void
append_text (GtkSnapshot *snapshot,
             GtkWidget   *widget,
             const char  *text,
             double       x,
             double       y,
             const GdkRGBA *color,
             gboolean     small)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);

  if (small)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void widget_color (GtkWidget *widget, const char *name, GdkRGBA *color);

/* The ghost's time and check, on a card of their own: readable over the
 * slots the ghost covers, wrapped to the column. */
static void
append_note (GtkSnapshot   *snapshot,
             GtkWidget     *widget,
             const char    *text,
             double         x,
             double         y,
             double         width,
             const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  GskRoundedRect box;
  GdkRGBA background, border;
  float widths[4] = { 1, 1, 1, 1 };
  GdkRGBA borders[4];
  int w, h;

  pango_layout_set_width (layout, (int) MAX (40.0, width - 12) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (layout, &w, &h);

  widget_color (widget, "window_bg_color", &background);
  widget_color (widget, "accent_color", &border);
  for (guint i = 0; i < 4; i++)
    borders[i] = border;
  gsk_rounded_rect_init_from_rect (&box, &GRAPHENE_RECT_INIT (x, y, w + 12, h + 8), 6);
  gtk_snapshot_push_rounded_clip (snapshot, &box);
  gtk_snapshot_append_color (snapshot, &background, &box.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &box, widths, borders);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + 6, y + 4));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
widget_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (name == NULL || !gtk_style_context_lookup_color (context, name, color))
    gtk_style_context_get_color (context, color);
}
G_GNUC_END_IGNORE_DEPRECATIONS

void
_lectern_timeline_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  LecternTimeline *self = LECTERN_TIMELINE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double cw = _lectern_timeline_column_width (self);
  GdkRGBA fg, line, faint, accent;

  widget_color (widget, NULL, &fg);
  widget_color (widget, "accent_bg_color", &accent);
  line = fg;
  line.alpha = 0.15;
  faint = fg;
  faint.alpha = 0.06;

  /* hours and half hours, and the ruler's labels */
  for (int m = (self->first_minute + 29) / 30 * 30; m <= self->last_minute; m += 30)
    {
      double y = _lectern_timeline_minute_to_y (self, m);

      gtk_snapshot_append_color (snapshot, m % 60 == 0 ? &line : &faint,
                                 &GRAPHENE_RECT_INIT (RULER_WIDTH - 6, y, width - RULER_WIDTH + 6, 1));
      if (m % 60 == 0 && m < 24 * 60)
        {
          g_autofree char *label = lectern_format_time (m);
          GdkRGBA dim = fg;

          dim.alpha = 0.6;
          append_text (snapshot, widget, label, 8, y - 8, &dim, TRUE);
        }
    }

  /* the rooms: separators and names */
  for (guint c = 0; c < self->columns->len; c++)
    {
      double x = RULER_WIDTH + c * cw;
      gint64 room_id = g_array_index (self->columns, gint64, c);
      const char *name = g_hash_table_lookup (self->room_names, &room_id);

      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (x, 0, 1, height));
      if (_lectern_timeline_has_header (self))
        append_text (snapshot, widget, name ? name : _("No room"), x + 10, 6, &fg, FALSE);
    }

  /* the sessions: a band beside their slots, in each column */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, self->cards);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        LecternSlot *slot = lectern_slot_card_get_slot (value);
        GdkRGBA band = accent;

        gint64 id = lectern_slot_get_id (slot);

        if (lectern_slot_get_session_id (slot) <= 0 || g_hash_table_contains (self->leaving, &id))
          continue;
        band.alpha = 0.55;
        gtk_snapshot_append_color (snapshot, &band,
                                   &GRAPHENE_RECT_INIT (RULER_WIDTH + _lectern_timeline_column_of (self, lectern_slot_get_room_id (slot)) * cw + 3,
                                                        _lectern_timeline_minute_to_y (self, lectern_slot_get_start (slot)),
                                                        4,
                                                        MAX (2.0, lectern_slot_get_duration (slot) * PX_PER_MINUTE)));
      }
  }

  /* while a slot is dragged: the times its people are away */
  if (self->ghost_shown)
    for (guint i = 0; i + 1 < self->shade->len; i += 2)
      {
        int from = MAX (g_array_index (self->shade, int, i), self->first_minute);
        int to = MIN (g_array_index (self->shade, int, i + 1), self->last_minute);
        GdkRGBA away = fg;

        if (from >= to)
          continue;
        away.alpha = 0.10;
        gtk_snapshot_append_color (snapshot, &away,
                                   &GRAPHENE_RECT_INIT (RULER_WIDTH, _lectern_timeline_minute_to_y (self, from),
                                                        width - RULER_WIDTH, (to - from) * PX_PER_MINUTE));
      }

  /* the cards, but those leaving */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gint64 id;

      if (!LECTERN_IS_SLOT_CARD (child))
        continue;   /* a card's menu: a popover, drawn on its own */
      id = lectern_slot_get_id (lectern_slot_card_get_slot (LECTERN_SLOT_CARD (child)));
      if (!g_hash_table_contains (self->leaving, &id))
        gtk_widget_snapshot_child (widget, child, snapshot);
    }

  /* the ghost of a drag: where the slot would go, and what would fail */
  if (self->ghost_shown)
    {
      double x = RULER_WIDTH + _lectern_timeline_column_of (self, self->ghost_room) * cw + 10;
      double y = _lectern_timeline_minute_to_y (self, self->ghost_start);
      double h = MAX (8.0, self->ghost_duration * PX_PER_MINUTE);
      GskRoundedRect outline;
      GdkRGBA fill = accent, border[4] = { accent, accent, accent, accent };
      float widths[4] = { 2, 2, 2, 2 };

      fill.alpha = 0.25;
      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (x, y, cw - 16, h), 6);
      gtk_snapshot_push_rounded_clip (snapshot, &outline);
      gtk_snapshot_append_color (snapshot, &fill, &outline.bounds);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_append_border (snapshot, &outline, widths, border);
      if (self->ghost_note != NULL)
        append_note (snapshot, widget, self->ghost_note, x + 6, y + 4, cw - 28, &fg);
    }
}

