/// A config file that cannot be used: the same shape as a bad theme file (file, field, message).
public typealias ConfigError = ThemeError
