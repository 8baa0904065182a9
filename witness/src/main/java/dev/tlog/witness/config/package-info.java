/**
 * Witness configuration: the JSON file of witnessed logs and peer witnesses ({@link
 * dev.tlog.witness.config.WitnessConfig}, format in spec/witness.md) and the cosigning key file
 * ({@link dev.tlog.witness.config.CosignerKeyFile}).
 *
 * <p>Example:
 *
 * <pre>
 * {
 *   "logs": [{"origin": "log.tlog.example/checkpoint",
 *             "keys": ["log.tlog.example/checkpoint+60766c7b+AQs8zTgPExNDUKDnxjVadNkXxIowZCLuaEfdpGhtIcUr"],
 *             "tiles": "http://127.0.0.1:7401/"}],
 *   "peers": [{"url": "http://127.0.0.1:7412/",
 *              "key": "witness.tlog.example/w1+178e4b4b+BDaO8i8lH5oTErkvDeL1vRaWFHJU3k4eX/vr524xZwxs"}]
 * }
 * </pre>
 *
 * <p>Threading: values are immutable. Exceptions: {@link dev.tlog.witness.config.ConfigException}
 * (unchecked) for any invalid setting; it stops the witness at startup.
 */
package dev.tlog.witness.config;
