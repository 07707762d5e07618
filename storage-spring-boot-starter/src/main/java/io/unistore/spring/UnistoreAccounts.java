package io.unistore.spring;

import io.unistore.StorageAccount;
import io.unistore.blob.BlobStore;
import io.unistore.file.FileStore;
import io.unistore.queue.QueueStore;
import io.unistore.table.TableStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Registers one {@link StorageAccount} bean per configured account (named {@code <name>StorageAccount}, qualified
 * by {@code <name>}, closed with the context) and the store beans of the primary account. The accounts are known
 * only from the environment, so they are registered as definitions before any bean is created; each opens when
 * first needed.
 */
public final class UnistoreAccounts implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

    /** The account opened when none is configured. */
    public static final String DEFAULT_NAME = "default";
    /** Where the default account keeps its data, under the working directory. */
    public static final String DEFAULT_DIRECTORY = "unistore-data";

    // Account names appear in bean names, qualifiers and unistore:// URLs (as the host), so keep them plain.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,62}");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    /** The bean name of an account. */
    public static String beanName(String accountName) {
        return accountName + "StorageAccount";
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        UnistoreProperties properties = bind(environment);
        Map<String, UnistoreProperties.Account> accounts = accounts(properties);
        String primary = primary(properties, accounts);
        BeanFactory beanFactory = (BeanFactory) registry;
        accounts.forEach((name, account) -> {
            RootBeanDefinition definition = new RootBeanDefinition(StorageAccount.class, () -> AccountOpener.open(
                    name, account, beanFactory.getBeanProvider(UnistoreAccountCustomizer.class).orderedStream()));
            definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
            definition.setPrimary(name.equals(primary));
            definition.setDestroyMethodName("close");
            registry.registerBeanDefinition(beanName(name), definition);
        });
        if (primary != null) {
            String account = beanName(primary);
            store(registry, beanFactory, account, "blobStore", BlobStore.class, StorageAccount::blobs);
            store(registry, beanFactory, account, "tableStore", TableStore.class, StorageAccount::tables);
            store(registry, beanFactory, account, "queueStore", QueueStore.class, StorageAccount::queues);
            store(registry, beanFactory, account, "fileStore", FileStore.class, StorageAccount::files);
        }
    }

    // Lazy: an account without a store (S3 has no tables) fails only where that store is injected, with the
    // API's UNSUPPORTED message, instead of failing every application that uses the account.
    private static <T> void store(BeanDefinitionRegistry registry, BeanFactory beanFactory, String account,
                                  String name, Class<T> type, Function<StorageAccount, T> store) {
        RootBeanDefinition definition = new RootBeanDefinition(type,
                () -> store.apply(beanFactory.getBean(account, StorageAccount.class)));
        definition.setLazyInit(true);
        // The account closes the stores; a store has no close of its own to infer.
        definition.setDestroyMethodName(null);
        registry.registerBeanDefinition(name, definition);
    }

    static UnistoreProperties bind(Environment environment) {
        return Binder.get(environment).bind(UnistoreProperties.PREFIX, UnistoreProperties.class)
                .orElseGet(UnistoreProperties::new);
    }

    /** The configured accounts, checked, or the default local one when none is configured. */
    static Map<String, UnistoreProperties.Account> accounts(UnistoreProperties properties) {
        Map<String, UnistoreProperties.Account> accounts = new LinkedHashMap<>(properties.getAccounts());
        if (accounts.isEmpty()) {
            UnistoreProperties.Account local = new UnistoreProperties.Account();
            local.setAddress("file:" + Path.of(DEFAULT_DIRECTORY).toAbsolutePath());
            accounts.put(DEFAULT_NAME, local);
        }
        accounts.keySet().forEach(name -> {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalStateException(UnistoreProperties.PREFIX + ".accounts." + name + ": an account "
                        + "name is 1 to 63 letters, digits and hyphens, starting with a letter or digit");
            }
        });
        return accounts;
    }

    static String primary(UnistoreProperties properties, Map<String, UnistoreProperties.Account> accounts) {
        String primary = properties.getPrimary();
        if (primary != null) {
            if (!accounts.containsKey(primary)) {
                throw new IllegalStateException(UnistoreProperties.PREFIX + ".primary: '" + primary
                        + "' is not an account under " + UnistoreProperties.PREFIX + ".accounts " + accounts.keySet());
            }
            return primary;
        }
        return accounts.size() == 1 ? accounts.keySet().iterator().next() : null;
    }
}
