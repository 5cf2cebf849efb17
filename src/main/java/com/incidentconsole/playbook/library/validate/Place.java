package com.incidentconsole.playbook.library.validate;

/** Where in the document a rule is looking; builds both the machine path and the readable location. */
record Place(String path, String location) {

    static final Place ROOT = new Place("", "playbook");

    Place field(String key) {
        return new Place(path.isEmpty() ? key : path + "." + key,
                this == ROOT || path.isEmpty() ? key : location + " › " + key);
    }

    Place element(String key, int index, String noun, String title) {
        String where = title.isBlank() ? noun + " #" + (index + 1) : noun + " “" + title + "”";
        return new Place((path.isEmpty() ? key : path + "." + key) + "[" + index + "]",
                path.isEmpty() ? where : location + " › " + where);
    }
}
