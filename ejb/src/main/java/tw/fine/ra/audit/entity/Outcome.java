package tw.fine.ra.audit.entity;

public enum Outcome { SUCCESS, FAILURE }
