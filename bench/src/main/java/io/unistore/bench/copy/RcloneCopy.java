package io.unistore.bench.copy;

import io.unistore.bench.Procs;
import io.unistore.testsupport.azurite.Azurite;
import io.unistore.testsupport.s3proxy.S3Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * rclone copying an Azurite container into an S3Proxy bucket, configured only by environment variables (remotes
 * {@code az:} and {@code s3:}, no config file: {@code RCLONE_CONFIG_<REMOTE>_<KEY>}).
 */
final class RcloneCopy {
    private final Map<String, String> env = new HashMap<>();

    RcloneCopy(Azurite azurite, S3Proxy s3) {
        env.put("RCLONE_CONFIG", "/dev/null");
        env.put("RCLONE_CONFIG_AZ_TYPE", "azureblob");
        env.put("RCLONE_CONFIG_AZ_ACCOUNT", Azurite.ACCOUNT);
        env.put("RCLONE_CONFIG_AZ_KEY", Azurite.KEY);
        env.put("RCLONE_CONFIG_AZ_ENDPOINT", azurite.blobEndpoint());
        env.put("RCLONE_CONFIG_AZ_USE_EMULATOR", "true");
        env.put("RCLONE_CONFIG_S3_TYPE", "s3");
        env.put("RCLONE_CONFIG_S3_PROVIDER", "Other");
        env.put("RCLONE_CONFIG_S3_ENDPOINT", s3.endpoint().toString());
        env.put("RCLONE_CONFIG_S3_FORCE_PATH_STYLE", "true");
        env.put("RCLONE_CONFIG_S3_REGION", S3Proxy.REGION);
        env.put("RCLONE_CONFIG_S3_ACCESS_KEY_ID", s3.identity());
        env.put("RCLONE_CONFIG_S3_SECRET_ACCESS_KEY", s3.credential());
        // Some machines set it for other tools; rclone fails to load it, and S3Proxy is plain HTTP anyway.
        env.put("AWS_CA_BUNDLE", "");
    }

    /** Copies {@code az:source} into {@code s3:target} and returns the seconds it took. */
    double copy(String source, String target, List<String> flags) {
        return run("copy", source, target, flags);
    }

    /** Runs {@code rclone VERB az:source s3:target FLAGS} ({@code copy} or {@code sync}); returns its seconds. */
    double run(String verb, String source, String target, List<String> flags) {
        List<String> cmd = new ArrayList<>(List.of("rclone", verb, "az:" + source, "s3:" + target));
        cmd.addAll(flags);
        return Procs.run(cmd, null, env, 3600).requireSuccess("rclone " + verb + " " + String.join(" ", flags))
                .seconds();
    }
}
