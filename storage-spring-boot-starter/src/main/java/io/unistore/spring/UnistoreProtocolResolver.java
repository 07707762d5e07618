package io.unistore.spring;

import io.unistore.StorageAccount;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ProtocolResolver;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Resolves {@code unistore://ACCOUNT/container/path} (a blob) and {@code unistore-file://ACCOUNT/share/path} (a file)
 * to a {@link UnistoreResource} of the named account, for {@code ResourceLoader.getResource} and
 * {@code @Value("unistore://...") Resource}. It is a bean factory post-processor
 * only to be created early, before the beans whose {@code @Value} it resolves.
 */
final class UnistoreProtocolResolver implements ProtocolResolver, ResourceLoaderAware, BeanFactoryAware,
        BeanFactoryPostProcessor {

    private BeanFactory beanFactory;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void setResourceLoader(ResourceLoader resourceLoader) {
        if (resourceLoader instanceof DefaultResourceLoader loader) {
            loader.addProtocolResolver(this);
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // Nothing: see the class comment.
    }

    @Override
    public Resource resolve(String location, ResourceLoader resourceLoader) {
        UnistoreLocation parsed = UnistoreLocation.parse(location);
        return parsed == null ? null : new UnistoreResource(parsed, () -> account(parsed.account()));
    }

    private StorageAccount account(String name) {
        try {
            return beanFactory.getBean(UnistoreAccounts.beanName(name), StorageAccount.class);
        } catch (NoSuchBeanDefinitionException e) {
            throw new IllegalArgumentException("unistore location of account '" + name + "': no account '" + name
                    + "' is configured under " + UnistoreProperties.PREFIX + ".accounts", e);
        }
    }
}
